package org.switchboard.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandParserTest {

    @Test
    void plainTextIsSaid() {
        assertThat(CommandParser.parse("  hello there ")).isEqualTo(new InputCommand.Say("hello there"));
        assertThat(CommandParser.parse("a /b in the middle")).isEqualTo(new InputCommand.Say("a /b in the middle"));
    }

    @Test
    void aDoubleSlashSendsTheSlashLiterally() {
        assertThat(CommandParser.parse("//join is how you join")).isEqualTo(new InputCommand.Say("/join is how you join"));
        assertThat(CommandParser.parse("//")).isEqualTo(new InputCommand.Say("/"));
    }

    @Test
    void meIsSentAsAnActionBody() {
        assertThat(CommandParser.parse("/me waves")).isEqualTo(new InputCommand.Say("/me waves"));
        assertThat(CommandParser.parse("/ME  waves  at you")).isEqualTo(new InputCommand.Say("/me waves  at you"));
        assertThat(CommandParser.parse("/me")).isEqualTo(new InputCommand.Usage("me"));
    }

    @Test
    void joinTakesARoomAndAnOptionalPassword() {
        assertThat(CommandParser.parse("/join #switchboard")).isEqualTo(new InputCommand.Join("#switchboard", null));
        assertThat(CommandParser.parse("/join #secret hunter2")).isEqualTo(new InputCommand.Join("#secret", "hunter2"));
        assertThat(CommandParser.parse("/join")).isEqualTo(new InputCommand.Usage("join"));
    }

    @Test
    void partTopicAwayAndQuitTakeOptionalText() {
        assertThat(CommandParser.parse("/part")).isEqualTo(new InputCommand.Part(""));
        assertThat(CommandParser.parse("/part see you")).isEqualTo(new InputCommand.Part("see you"));
        assertThat(CommandParser.parse("/topic")).isEqualTo(new InputCommand.Topic(null));
        assertThat(CommandParser.parse("/topic Release on Friday")).isEqualTo(new InputCommand.Topic("Release on Friday"));
        assertThat(CommandParser.parse("/away lunch")).isEqualTo(new InputCommand.Away("lunch"));
        assertThat(CommandParser.parse("/away")).isEqualTo(new InputCommand.Away(""));
        assertThat(CommandParser.parse("/quit bye all")).isEqualTo(new InputCommand.Quit("bye all"));
    }

    @Test
    void nickNeedsOneWord() {
        assertThat(CommandParser.parse("/nick alice_")).isEqualTo(new InputCommand.Nick("alice_"));
        assertThat(CommandParser.parse("/nick")).isEqualTo(new InputCommand.Usage("nick"));
        assertThat(CommandParser.parse("/nick two words")).isEqualTo(new InputCommand.Usage("nick"));
    }

    @Test
    void inviteNeedsSomeoneAndTakesAnOptionalReason() {
        assertThat(CommandParser.parse("/invite bob")).isEqualTo(new InputCommand.Invite("bob", ""));
        assertThat(CommandParser.parse("/invite bob@example.org 来开会吧")).isEqualTo(
                new InputCommand.Invite("bob@example.org", "来开会吧"));
        assertThat(CommandParser.parse("/invite")).isEqualTo(new InputCommand.Usage("invite"));
    }

    @Test
    void msgNeedsANickAndText() {
        assertThat(CommandParser.parse("/msg bob 你好 bob")).isEqualTo(new InputCommand.Msg("bob", "你好 bob"));
        assertThat(CommandParser.parse("/msg bob")).isEqualTo(new InputCommand.Usage("msg"));
        assertThat(CommandParser.parse("/msg")).isEqualTo(new InputCommand.Usage("msg"));
    }

    @Test
    void helpAndUnknownCommands() {
        assertThat(CommandParser.parse("/help")).isEqualTo(new InputCommand.Help());
        assertThat(CommandParser.parse("/frobnicate now")).isEqualTo(new InputCommand.Unknown("frobnicate"));
        assertThat(CommandParser.parse("/")).isEqualTo(new InputCommand.Unknown(""));
    }
}
