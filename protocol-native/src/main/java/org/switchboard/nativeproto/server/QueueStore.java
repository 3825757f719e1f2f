package org.switchboard.nativeproto.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages not yet acknowledged by a client of their recipient, and receipts not yet handed to
 * a client of theirs. A message stays until a delivered receipt for it arrives, so a connection
 * that breaks mid-write loses nothing.
 */
final class QueueStore {

    record QueuedMessage(String serverId, String sender, String recipient, String clientId, String body,
                         String sentAt) {
    }

    record QueuedReceipt(long seq, String recipient, String sender, String kind, String clientId,
                         String serverId, String at) {
    }

    private final Database database;

    QueueStore(Database database) {
        this.database = database;
    }

    void addMessage(QueuedMessage m) throws SQLException {
        database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO queued_messages"
                    + "(server_id, sender, recipient, client_id, body, sent_at) VALUES (?,?,?,?,?,?)")) {
                s.setString(1, m.serverId());
                s.setString(2, m.sender());
                s.setString(3, m.recipient());
                s.setString(4, m.clientId());
                s.setString(5, m.body());
                s.setString(6, m.sentAt());
                return s.executeUpdate();
            }
        });
    }

    List<QueuedMessage> messagesFor(String recipient) throws SQLException {
        return database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT server_id, sender, recipient, client_id, body, sent_at "
                    + "FROM queued_messages WHERE recipient = ? ORDER BY seq")) {
                s.setString(1, recipient);
                try (ResultSet rs = s.executeQuery()) {
                    List<QueuedMessage> result = new ArrayList<>();
                    while (rs.next()) {
                        result.add(new QueuedMessage(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6)));
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

    void addReceipt(QueuedReceipt r) throws SQLException {
        database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO queued_receipts"
                    + "(recipient, sender, kind, client_id, server_id, at) VALUES (?,?,?,?,?,?)")) {
                s.setString(1, r.recipient());
                s.setString(2, r.sender());
                s.setString(3, r.kind());
                s.setString(4, r.clientId());
                s.setString(5, r.serverId());
                s.setString(6, r.at());
                return s.executeUpdate();
            }
        });
    }

    List<QueuedReceipt> receiptsFor(String recipient) throws SQLException {
        return database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, recipient, sender, kind, client_id, server_id, at "
                    + "FROM queued_receipts WHERE recipient = ? ORDER BY seq")) {
                s.setString(1, recipient);
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
}
