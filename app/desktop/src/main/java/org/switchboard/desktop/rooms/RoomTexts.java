package org.switchboard.desktop.rooms;

import java.util.Locale;
import org.switchboard.core.command.CommandResult;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.RoomActivity;

/** The words for what happened in a room and for what a typed command did, in the user's language. */
public final class RoomTexts {

    private RoomTexts() {
    }

    public static String activity(I18n i18n, RoomActivity activity) {
        return switch (activity) {
            case RoomActivity.Joined j -> i18n.text("room.activity.joined", j.occupant().nick());
            case RoomActivity.Left l -> l.reason().isBlank() ? i18n.text("room.activity.left", l.nick())
                    : i18n.text("room.activity.leftBecause", l.nick(), l.reason());
            case RoomActivity.Quit q -> q.reason().isBlank() ? i18n.text("room.activity.quit", q.nick())
                    : i18n.text("room.activity.quitBecause", q.nick(), q.reason());
            case RoomActivity.Kicked k -> i18n.text("room.activity.kicked", k.nick(),
                    k.by().isBlank() ? "?" : k.by(), k.reason());
            case RoomActivity.NickChanged n -> i18n.text("room.activity.nick", n.oldNick(), n.newNick());
            case RoomActivity.RoleChanged r -> i18n.text("room.activity.role", r.nick(),
                    i18n.text("room.role." + r.role().name().toLowerCase(Locale.ROOT)));
            case RoomActivity.AwayChanged a -> i18n.text(a.away() ? "room.activity.away" : "room.activity.back",
                    a.nick());
            case RoomActivity.TopicChanged t -> t.topic().isBlank()
                    ? i18n.text("room.activity.topicCleared", t.by().isBlank() ? "?" : t.by())
                    : i18n.text("room.activity.topic", t.by().isBlank() ? "?" : t.by(), t.topic());
        };
    }

    /** What a command did; empty for text that was simply sent. */
    public static String command(I18n i18n, CommandResult result) {
        if (result == null || result.outcome() == CommandResult.Outcome.SENT) {
            return "";
        }
        String key = "command." + result.outcome().name().toLowerCase(Locale.ROOT);
        return i18n.text(key, result.args().toArray());
    }
}
