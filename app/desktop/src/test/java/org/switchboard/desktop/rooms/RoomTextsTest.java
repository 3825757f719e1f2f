package org.switchboard.desktop.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.switchboard.core.command.CommandResult;
import org.switchboard.core.command.CommandResult.Outcome;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomOccupant;
import org.switchboard.protocol.model.RoomRole;

class RoomTextsTest {

    private static final List<RoomActivity> EVERY_KIND = List.of(
            new RoomActivity.Joined(RoomOccupant.member("ann")),
            new RoomActivity.Left("ann", ""), new RoomActivity.Left("ann", "lunch"),
            new RoomActivity.Quit("ann", ""), new RoomActivity.Quit("ann", "Ping timeout"),
            new RoomActivity.Kicked("ann", "op", "spam"),
            new RoomActivity.NickChanged("ann", "anna"),
            new RoomActivity.RoleChanged("ann", RoomRole.MODERATOR),
            new RoomActivity.AwayChanged("ann", true), new RoomActivity.AwayChanged("ann", false),
            new RoomActivity.TopicChanged("Release on Friday", "ann"), new RoomActivity.TopicChanged("", "ann"));

    @Test
    void everyActivityReadsInEveryLanguageAndNamesWho() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE)) {
            I18n i18n = new I18n(locale);
            for (RoomActivity activity : EVERY_KIND) {
                assertThat(RoomTexts.activity(i18n, activity)).as(locale + " " + activity)
                        .doesNotContain("!room.").contains("ann");
            }
        }
        I18n en = new I18n(Locale.ENGLISH);
        assertThat(RoomTexts.activity(en, new RoomActivity.NickChanged("ann", "anna")))
                .isEqualTo("ann is now known as anna");
        assertThat(RoomTexts.activity(en, new RoomActivity.RoleChanged("ann", RoomRole.MODERATOR)))
                .isEqualTo("ann is now operator");
    }

    @Test
    void commandOutcomesAreTranslatedAndPlainTextSaysNothing() {
        I18n en = new I18n(Locale.ENGLISH);
        I18n cn = new I18n(Locale.SIMPLIFIED_CHINESE);
        CommandResult unknown = CommandResult.of(Outcome.UNKNOWN_COMMAND, "frobnicate");

        assertThat(RoomTexts.command(en, unknown)).startsWith("Unknown command /frobnicate.");
        assertThat(RoomTexts.command(cn, unknown)).startsWith("未知命令 /frobnicate");
        assertThat(RoomTexts.command(en, CommandResult.of(Outcome.NOT_SUPPORTED, "join")))
                .isEqualTo("This account's network cannot do /join.");
        assertThat(RoomTexts.command(en, CommandResult.of(Outcome.SENT))).isEmpty();
        assertThat(RoomTexts.command(en, null)).isEmpty();
    }

    @Test
    void aNickHasOneColourWhateverItsCase() {
        assertThat(NickColors.styleClass("Ann")).isEqualTo(NickColors.styleClass("ann"))
                .matches("nick-color-[0-7]");
        long colours = List.of("ann", "ben", "cai", "dora", "eve", "fei", "gus", "hana", "ivan", "jun").stream()
                .map(NickColors::styleClass).distinct().count();
        assertThat(colours).as("ten nicks do not share one colour").isGreaterThan(3);
    }
}
