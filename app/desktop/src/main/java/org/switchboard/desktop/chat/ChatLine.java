package org.switchboard.desktop.chat;

import java.time.Instant;
import java.util.Objects;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.room.RoomActivityLine;

/** One line of a conversation's list: a message, or (in a room) something that happened there. */
public sealed interface ChatLine {

    Instant at();

    /** The message of a message line, else null. */
    StoredMessage message();

    /** The text a find matches: a message's body; activity lines are not searched. */
    default String body() {
        StoredMessage m = message();
        return m == null ? "" : m.body();
    }

    record Message(StoredMessage message) implements ChatLine {
        public Message {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Instant at() {
            return message.timestamp();
        }
    }

    record Activity(RoomActivityLine line) implements ChatLine {
        public Activity {
            Objects.requireNonNull(line, "line");
        }

        @Override
        public Instant at() {
            return line.at();
        }

        @Override
        public StoredMessage message() {
            return null;
        }
    }
}
