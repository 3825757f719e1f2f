package org.switchboard.desktop.chat;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.switchboard.core.conversation.StoredMessage;

/**
 * The list a conversation view shows: its messages in history order with, in a room, the
 * activity lines placed by time among them. UI thread only.
 */
final class ChatLines {

    private final ObservableList<ChatLine> lines = FXCollections.observableArrayList();

    ObservableList<ChatLine> list() {
        return lines;
    }

    /** A message replaced its older copy (same seq). */
    void replace(StoredMessage message) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            StoredMessage m = lines.get(i).message();
            if (m != null && m.seq() == message.seq()) {
                lines.set(i, new ChatLine.Message(message));
                return;
            }
        }
    }

    /** A message new to the list, stored right before {@code next} (null when it is the newest). */
    void insertBefore(StoredMessage message, StoredMessage next) {
        if (next == null) {
            lines.add(new ChatLine.Message(message));
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            StoredMessage m = lines.get(i).message();
            if (m != null && m.seq() == next.seq()) {
                lines.add(i, new ChatLine.Message(message));
                return;
            }
        }
        lines.add(new ChatLine.Message(message));
    }

    /**
     * An activity line: live ones go last; older ones (seen before the tab opened) go before the
     * first message that is newer than them.
     */
    void addActivity(ChatLine.Activity activity, boolean live) {
        if (live) {
            lines.add(activity);
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).at().isAfter(activity.at())) {
                lines.add(i, activity);
                return;
            }
        }
        lines.add(activity);
    }
}
