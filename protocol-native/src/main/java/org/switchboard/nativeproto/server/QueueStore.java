package org.switchboard.nativeproto.server;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Messages not yet acknowledged by a client of their recipient, and receipts not yet handed to
 * a client of theirs. A message stays until a delivered receipt for it arrives, so a connection
 * that breaks mid-write loses nothing. What one user may have stored for them, and what one
 * sender may store for them, is capped in count and bytes; whatever is not collected within the
 * time to live is dropped. A log of recently sent messages lets receipts be checked.
 */
final class QueueStore {

    record QueuedMessage(long seq, String serverId, String sender, String recipient, String clientId, String body,
                         String sentAt) {
    }

    record QueuedReceipt(long seq, String recipient, String sender, String kind, String clientId,
                         String serverId, String at) {
    }

    /** Sent messages remembered per sender and recipient, for receipts of messages already delivered. */
    static final int LOG_PER_PAIR = 1000;
    /** What a receipt is counted as, besides its client id: its other fields and the row. */
    private static final int RECEIPT_OVERHEAD = 64;

    private final Database database;
    private final ServerLimits limits;

    QueueStore(Database database, ServerLimits limits) {
        this.database = database;
        this.limits = limits;
    }

    /** Stores a message and logs it; a refusal message (which cap is reached) when it does not fit. */
    Optional<String> addMessage(QueuedMessage m) throws SQLException {
        long bytes = utf8(m.body()) + utf8(m.clientId());
        long now = System.currentTimeMillis();
        return database.transact(c -> {
            Optional<String> full = full(c, m.recipient(), m.sender(), bytes, now);
            if (full.isPresent()) {
                return full;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO queued_messages"
                    + "(server_id, sender, recipient, client_id, body, sent_at, bytes, queued_ms) VALUES (?,?,?,?,?,?,?,?)")) {
                s.setString(1, m.serverId());
                s.setString(2, m.sender());
                s.setString(3, m.recipient());
                s.setString(4, m.clientId());
                s.setString(5, m.body());
                s.setString(6, m.sentAt());
                s.setLong(7, bytes);
                s.setLong(8, now);
                s.executeUpdate();
            }
            log(c, m, now);
            return Optional.empty();
        });
    }

    private static void log(Connection c, QueuedMessage m, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO message_log"
                + "(server_id, client_id, sender, recipient, sent_ms) VALUES (?,?,?,?,?)")) {
            s.setString(1, m.serverId());
            s.setString(2, m.clientId());
            s.setString(3, m.sender());
            s.setString(4, m.recipient());
            s.setLong(5, now);
            s.executeUpdate();
        }
        // Keeps the log of one pair short: a receipt for a message that old is not worth checking.
        try (PreparedStatement s = c.prepareStatement("DELETE FROM message_log WHERE sender = ? AND recipient = ? "
                + "AND rowid NOT IN (SELECT rowid FROM message_log WHERE sender = ? AND recipient = ? "
                + "ORDER BY rowid DESC LIMIT " + LOG_PER_PAIR + ")")) {
            s.setString(1, m.sender());
            s.setString(2, m.recipient());
            s.setString(3, m.sender());
            s.setString(4, m.recipient());
            s.executeUpdate();
        }
    }

    /** Whether {@code sender} sent {@code recipient} this message recently (it is in the log). */
    boolean wasSent(String sender, String recipient, String clientId, String serverId) throws SQLException {
        return database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM message_log WHERE sender = ? AND recipient = ? "
                    + "AND client_id = ?" + (serverId == null ? "" : " AND server_id = ?") + " LIMIT 1")) {
                s.setString(1, sender);
                s.setString(2, recipient);
                s.setString(3, clientId);
                if (serverId != null) {
                    s.setString(4, serverId);
                }
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Which cap an item of {@code bytes} from {@code sender} would exceed, if any. Messages and
     * receipts count alike: both are stored for the recipient until collected.
     */
    private Optional<String> full(Connection c, String recipient, String sender, long bytes, long now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*), coalesce(sum(bytes), 0), "
                + "coalesce(sum(sender = ?), 0), coalesce(sum(CASE WHEN sender = ? THEN bytes ELSE 0 END), 0) FROM ("
                + "SELECT sender, bytes FROM queued_messages WHERE recipient = ? AND queued_ms > ? UNION ALL "
                + "SELECT sender, bytes FROM queued_receipts WHERE recipient = ? AND queued_ms > ?)")) {
            long cutoff = now - limits.queueTtl().toMillis();
            s.setString(1, sender);
            s.setString(2, sender);
            s.setString(3, recipient);
            s.setLong(4, cutoff);
            s.setString(5, recipient);
            s.setLong(6, cutoff);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(3) + 1 > limits.maxQueuedPerPair() || rs.getLong(4) + bytes > limits.maxQueuedBytesPerPair()) {
                    return Optional.of(recipient + " has too much waiting from you (at most " + limits.maxQueuedPerPair()
                            + " items, " + limits.maxQueuedBytesPerPair() + " bytes); try again once they collect it");
                }
                if (rs.getLong(1) + 1 > limits.maxQueuedPerRecipient()
                        || rs.getLong(2) + bytes > limits.maxQueuedBytesPerRecipient()) {
                    return Optional.of(recipient + " has too much waiting (at most " + limits.maxQueuedPerRecipient()
                            + " items, " + limits.maxQueuedBytesPerRecipient() + " bytes)");
                }
                return Optional.empty();
            }
        }
    }

    /** One page of the messages waiting for {@code recipient}, after {@code afterSeq}, oldest first. */
    List<QueuedMessage> messagesFor(String recipient, long afterSeq, int limit) throws SQLException {
        return database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, server_id, sender, recipient, client_id, body, "
                    + "sent_at FROM queued_messages WHERE recipient = ? AND seq > ? AND queued_ms > ? ORDER BY seq LIMIT ?")) {
                s.setString(1, recipient);
                s.setLong(2, afterSeq);
                s.setLong(3, cutoff());
                s.setInt(4, limit);
                try (ResultSet rs = s.executeQuery()) {
                    List<QueuedMessage> result = new ArrayList<>();
                    while (rs.next()) {
                        result.add(new QueuedMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                    return result;
                }
            }
        });
    }

    /** Drops a message its recipient acknowledged; only the recipient can. */
    void acknowledge(String recipient, String serverId) throws SQLException {
        database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM queued_messages WHERE recipient = ? AND server_id = ?")) {
                s.setString(1, recipient);
                s.setString(2, serverId);
                return s.executeUpdate();
            }
        });
    }

    /** Stores a receipt for a user with no available connection; a refusal message when a cap is reached. */
    Optional<String> addReceipt(QueuedReceipt r) throws SQLException {
        long bytes = RECEIPT_OVERHEAD + utf8(r.clientId());
        long now = System.currentTimeMillis();
        return database.transact(c -> {
            Optional<String> full = full(c, r.recipient(), r.sender(), bytes, now);
            if (full.isPresent()) {
                return full;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO queued_receipts"
                    + "(recipient, sender, kind, client_id, server_id, at, bytes, queued_ms) VALUES (?,?,?,?,?,?,?,?)")) {
                s.setString(1, r.recipient());
                s.setString(2, r.sender());
                s.setString(3, r.kind());
                s.setString(4, r.clientId());
                s.setString(5, r.serverId());
                s.setString(6, r.at());
                s.setLong(7, bytes);
                s.setLong(8, now);
                s.executeUpdate();
            }
            return Optional.empty();
        });
    }

    /** One page of the receipts waiting for {@code recipient}, after {@code afterSeq}. */
    List<QueuedReceipt> receiptsFor(String recipient, long afterSeq, int limit) throws SQLException {
        return database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, recipient, sender, kind, client_id, server_id, at "
                    + "FROM queued_receipts WHERE recipient = ? AND seq > ? AND queued_ms > ? ORDER BY seq LIMIT ?")) {
                s.setString(1, recipient);
                s.setLong(2, afterSeq);
                s.setLong(3, cutoff());
                s.setInt(4, limit);
                try (ResultSet rs = s.executeQuery()) {
                    List<QueuedReceipt> result = new ArrayList<>();
                    while (rs.next()) {
                        result.add(new QueuedReceipt(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                    return result;
                }
            }
        });
    }

    void removeReceipt(long seq) throws SQLException {
        database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM queued_receipts WHERE seq = ?")) {
                s.setLong(1, seq);
                return s.executeUpdate();
            }
        });
    }

    /** Drops what outlived the time to live; returns how many rows went. */
    int purgeExpired() throws SQLException {
        long cutoff = cutoff();
        return database.transact(c -> {
            int removed = 0;
            for (String sql : List.of("DELETE FROM queued_messages WHERE queued_ms <= ?",
                    "DELETE FROM queued_receipts WHERE queued_ms <= ?", "DELETE FROM message_log WHERE sent_ms <= ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, cutoff);
                    removed += s.executeUpdate();
                }
            }
            return removed;
        });
    }

    private long cutoff() {
        return System.currentTimeMillis() - limits.queueTtl().toMillis();
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
