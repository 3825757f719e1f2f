package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.switchboard.core.conversation.ConversationId;

/**
 * The small integer a row names its conversation by (schema V8, docs/decisions/0012), made when
 * the conversation's first message is stored and remembered after. On the writer thread only.
 */
final class ConversationIds {

    private final Map<String, Long> known = new HashMap<>();

    /** The id of the conversation whose key is {@code key}, made if it has none yet. */
    long of(Connection c, ConversationId conversation, String key) throws SQLException {
        Long id = known.get(key);
        if (id == null) {
            id = findOrMake(c, conversation, key);
            known.put(key, id);
        }
        return id;
    }

    /** Forgets what it knows: an id made in a transaction that was rolled back is gone. */
    void rolledBack() {
        known.clear();
    }

    private static long findOrMake(Connection c, ConversationId conversation, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO conversations (key, account, peer, room) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING")) {
            s.setString(1, key);
            s.setString(2, conversation.account().value());
            s.setString(3, conversation.name());
            s.setInt(4, conversation.isRoom() ? 1 : 0);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM conversations WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
