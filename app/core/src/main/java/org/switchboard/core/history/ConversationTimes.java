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

    private record Span(StoredMessage first, long oldest, long newest) {
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
            long t = m.timestamp().toEpochMilli();
            spans.merge(conversationKey.apply(m), new Span(m, t, t),
                    (a, b) -> new Span(a.first(), Math.min(a.oldest(), b.oldest()), Math.max(a.newest(), b.newest())));
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO conversation_times "
                + "(conversation, account, room, oldest_ms, newest_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (conversation) "
                + "DO UPDATE SET oldest_ms = MIN(oldest_ms, excluded.oldest_ms), newest_ms = MAX(newest_ms, excluded.newest_ms)")) {
            for (Map.Entry<String, Span> e : spans.entrySet()) {
                StoredMessage m = e.getValue().first();
                s.setString(1, e.getKey());
                s.setString(2, m.conversation().account().value());
                s.setInt(3, m.conversation().isRoom() ? 1 : 0);
                s.setLong(4, e.getValue().oldest());
                s.setLong(5, e.getValue().newest());
                s.addBatch();
            }
            s.executeBatch();
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
