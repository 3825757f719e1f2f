package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.Direction;

/** The queries that show a conversation: its last messages, a message in context, unread counts; on the reader's connection. */
final class ConversationReads {

    private static final String SELECT = MessageRows.SELECT_ALL;

    private ConversationReads() {
    }

    static List<StoredMessage> around(Connection c, ConversationId conversation, long seq, int before, int after)
            throws SQLException {
        List<StoredMessage> result;
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM (" + SELECT
                + "WHERE conversation = ? AND seq < ? ORDER BY seq DESC LIMIT ?) ORDER BY seq")) {
            s.setString(1, conversation.key());
            s.setLong(2, seq);
            s.setInt(3, Math.max(0, before));
            result = MessageRows.all(s);
        }
        try (PreparedStatement s = c.prepareStatement(SELECT
                + "WHERE conversation = ? AND seq >= ? ORDER BY seq LIMIT ?")) {
            s.setString(1, conversation.key());
            s.setLong(2, seq);
            s.setInt(3, Math.max(0, after) + 1);
            result.addAll(MessageRows.all(s));
        }
        return result;
    }

    static List<StoredMessage> recent(Connection c, ConversationId conversation, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM (" + SELECT
                + "WHERE conversation = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq")) {
            s.setString(1, conversation.key());
            s.setInt(2, Math.max(0, limit));
            return MessageRows.all(s);
        }
    }

    static Optional<StoredMessage> lastIncoming(Connection c, ConversationId conversation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT
                + "WHERE conversation = ? AND direction = 'INCOMING' ORDER BY seq DESC LIMIT 1")) {
            s.setString(1, conversation.key());
            return MessageRows.first(s);
        }
    }

    static Map<ConversationId, Integer> unreadCounts(Connection c) throws SQLException {
        Map<ConversationId, Integer> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT account, peer, room, COUNT(*) FROM messages "
                + "WHERE direction = ? AND status = 'DELIVERED' GROUP BY conversation");
             ResultSet rs = bindAndQuery(s, Direction.INCOMING.name())) {
            while (rs.next()) {
                counts.put(MessageRows.conversation(rs.getString(1), rs.getString(2), rs.getInt(3)),
                        rs.getInt(4));
            }
        }
        return counts;
    }

    private static ResultSet bindAndQuery(PreparedStatement s, String value) throws SQLException {
        s.setString(1, value);
        return s.executeQuery();
    }
}
