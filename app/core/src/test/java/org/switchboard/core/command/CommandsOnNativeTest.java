package org.switchboard.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.command.CommandResult.Outcome;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.event.CoreEvent.MessageAdded;
import org.switchboard.core.testing.TwoUsers;
import org.switchboard.protocol.model.ContactAddress;

/**
 * Input-line commands on a network without rooms (the native one, real server): text and
 * actions go out, {@code /msg} opens a conversation, and room commands say they cannot be done
 * here, sending nothing.
 */
class CommandsOnNativeTest {

    @TempDir
    Path dir;

    private TwoUsers users;
    private ConversationId aliceWithBob;

    @BeforeEach
    void setUp() throws Exception {
        users = TwoUsers.start(dir, true);
        aliceWithBob = new ConversationId(new ContactAddress(users.aliceAccount().id(), "bob"));
    }

    @AfterEach
    void tearDown() throws Exception {
        users.alice().close();
        users.bob().close();
        users.server().close();
    }

    private CommandResult submit(ConversationId where, String line) {
        return users.alice().core().commands().submit(where, line).join();
    }

    @Test
    void textActionsAndEscapedSlashesAreSentAsTyped() {
        assertThat(submit(aliceWithBob, "plain words").outcome()).isEqualTo(Outcome.SENT);
        assertThat(submit(aliceWithBob, "/me waves").outcome()).isEqualTo(Outcome.SENT);
        assertThat(submit(aliceWithBob, "//join is a command").outcome()).isEqualTo(Outcome.SENT);

        users.bob().events().await(MessageAdded.class, e -> e.message().body().equals("/join is a command"));
        List<String> atBob = users.bob().events().events(MessageAdded.class).stream()
                .map(e -> e.message().body()).toList();
        assertThat(atBob).containsExactly("plain words", "/me waves", "/join is a command");
        StoredMessage action = users.bob().events().events(MessageAdded.class).get(1).message();
        assertThat(action.isAction()).isTrue();
        assertThat(action.actionText()).isEqualTo("waves");
    }

    @Test
    void msgOpensTheConversationOnTheSameAccountAndSends() {
        ConversationId alone = new ConversationId(new ContactAddress(users.aliceAccount().id(), "nobody-here"));

        CommandResult result = submit(alone, "/msg bob 私信 for you");

        assertThat(result.outcome()).isEqualTo(Outcome.OPENED);
        assertThat(result.open()).contains(aliceWithBob);
        users.bob().events().await(MessageAdded.class, e -> e.message().body().equals("私信 for you"));
    }

    @Test
    void roomCommandsOnANetworkWithoutRoomsSaySoAndSendNothing() {
        assertThat(submit(aliceWithBob, "/join #lobby")).isEqualTo(CommandResult.of(Outcome.NOT_SUPPORTED, "join"));
        assertThat(submit(aliceWithBob, "/topic hi")).isEqualTo(CommandResult.of(Outcome.NOT_SUPPORTED, "topic"));
        assertThat(submit(aliceWithBob, "/part")).isEqualTo(CommandResult.of(Outcome.NOT_SUPPORTED, "part"));
        assertThat(submit(aliceWithBob, "/nick al")).isEqualTo(CommandResult.of(Outcome.NOT_SUPPORTED, "nick"));
        assertThat(submit(aliceWithBob, "/frobnicate")).isEqualTo(CommandResult.of(Outcome.UNKNOWN_COMMAND, "frobnicate"));
        assertThat(submit(aliceWithBob, "/msg bob")).isEqualTo(CommandResult.of(Outcome.USAGE, "msg"));
        assertThat(submit(aliceWithBob, "/help").outcome()).isEqualTo(Outcome.HELP);

        // A last message proves the link works; nothing before it reached bob.
        submit(aliceWithBob, "only this");
        users.bob().events().await(MessageAdded.class, e -> e.message().body().equals("only this"));
        assertThat(users.bob().events().events(MessageAdded.class)).hasSize(1);
        assertThat(users.alice().core().conversations().recent(aliceWithBob, 10).join())
                .extracting(StoredMessage::body).containsExactly("only this");
    }

    @Test
    void quitDisconnectsTheAccount() {
        assertThat(submit(aliceWithBob, "/quit bye").outcome()).isEqualTo(Outcome.QUIT);

        users.alice().awaitState(users.aliceAccount(), org.switchboard.protocol.spi.ConnectionState.DISCONNECTED);
        assertThat(users.alice().core().accounts().accounts()).singleElement()
                .satisfies(a -> assertThat(a.enabled()).isFalse());
    }
}
