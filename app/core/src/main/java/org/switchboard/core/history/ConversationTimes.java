package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;

/**
 * The oldest and newest time of each conversation ({@code conversation_times}, schema V5): one
 * row per conversation, written once per batch, instead of an index over every message's time
 * (docs/decisions/0011). On the writer's connection for writes.
 */
final class ConversationTimes {

    /** A conversation's times in one batch. */
    private static final class Span {
        final StoredMessage first;
        long oldest;
        long newest;

        Span(StoredMessage first) {
            this.first = first;
            this.oldest = first.timestamp().toEpochMilli();
            this.newest = oldest;
        }

        void widen(long t) {
            oldest = Math.min(oldest, t);
            newest = Math.max(newest, t);
        }
    }

    private ConversationTimes() {
    }

    /** Widens the spans of the conversations the stored messages belong to. */
    static void stored(Connection c, List<StoredMessage> stored, Function<StoredMessage, String> conversationKey)
            throws SQLException {
        if (stored.isEmpty()) {
            return;
        }
        Map<String, Span> spans = new HashMap<>();
        for (StoredMessage m : stored) {
            Span span = spans.get(conversationKey.apply(m));
            if (span == null) {
                spans.put(conversationKey.apply(m), new Span(m));
            } else {
                span.widen(m.timestamp().toEpochMilli());
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO conversation_times "
                + "(conversation, account, room, oldest_ms, newest_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (conversation) "
                + "DO UPDATE SET oldest_ms = MIN(oldest_ms, excluded.oldest_ms), newest_ms = MAX(newest_ms, excluded.newest_ms)")) {
            for (Map.Entry<String, Span> e : spans.entrySet()) {
                StoredMessage m = e.getValue().first;
                s.setString(1, e.getKey());
                s.setString(2, m.conversation().account().value());
                s.setInt(3, m.conversation().isRoom() ? 1 : 0);
                s.setLong(4, e.getValue().oldest);
                s.setLong(5, e.getValue().newest);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * A message left the outbox (sent or failed): retention, which skipped it while it waited,
     * looks at its conversation again from its time.
     */
    static void leftOutbox(Connection c, String conversationKey, Instant time) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE conversation_times SET oldest_ms = MIN(oldest_ms, ?) WHERE conversation = ?")) {
            s.setLong(1, time.toEpochMilli());
            s.setString(2, conversationKey);
            s.executeUpdate();
        }
    }

    /** The newest time of the account's one-to-one conversations, or null when it has none. */
    static Instant newestDirect(Connection c, AccountId account) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT MAX(newest_ms) FROM conversation_times WHERE account = ? AND room = 0")) {
            s.setString(1, account.value());
            return instant(s);
        }
    }

    /** The newest time of one conversation, or null when it has none. */
    static Instant newest(Connection c, String conversationKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT newest_ms FROM conversation_times WHERE conversation = ?")) {
            s.setString(1, conversationKey);
            return instant(s);
        }
    }

    /**
     * Every message of the account older than {@code cutoff} that retention may delete is gone:
     * its conversations' oldest time is at least the cutoff, so the next pass skips them.
     */
    static void retainedFrom(Connection c, AccountId account, Instant cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE conversation_times SET oldest_ms = ? WHERE account = ? AND oldest_ms < ?")) {
            s.setLong(1, cutoff.toEpochMilli());
            s.setString(2, account.value());
            s.setLong(3, cutoff.toEpochMilli());
            s.executeUpdate();
        }
    }

    private static Instant instant(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getObject(1) != null ? Instant.ofEpochMilli(rs.getLong(1)) : null;
        }
    }
}
