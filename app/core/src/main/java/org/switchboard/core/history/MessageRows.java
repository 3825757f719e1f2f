package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.MessageStatus;

/** Maps rows of the messages table to and from {@link StoredMessage}. */
final class MessageRows {

    static final String COLUMNS =
            "seq, account, peer, client_id, network_id, direction, body, timestamp_ms, status, failure, room, sender, "
                    + "kind, edited";

    /** Inserts a row with its seq and de-duplication key given; ignored when its network id is taken. */
    static final String INSERT = "INSERT OR IGNORE INTO message_rows (seq, conversation_id, client_id, network_id, "
            + "direction, body, timestamp_ms, status, failure, sender, kind, edited, dedupe_key) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private MessageRows() {
    }

    static void bindInsert(PreparedStatement s, StoredMessage m, long conversationId, long dedupeKey)
            throws SQLException {
        s.setLong(1, m.seq());
        s.setLong(2, conversationId);
        s.setString(3, m.id().clientId());
        s.setString(4, m.id().networkId());
        s.setString(5, m.direction().name());
        s.setString(6, m.body());
        s.setLong(7, m.timestamp().toEpochMilli());
        s.setString(8, m.status().name());
        s.setString(9, m.failure());
        s.setString(10, m.sender());
        s.setString(11, m.kind().name());
        s.setInt(12, m.edited() ? 1 : 0);
        s.setLong(13, dedupeKey);
    }

    static StoredMessage read(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getLong("seq"), conversation(rs.getString("account"), rs.getString("peer"),
                rs.getInt("room")), new MessageId(rs.getString("client_id"), rs.getString("network_id")),
                Direction.valueOf(rs.getString("direction")), rs.getString("body"),
                Instant.ofEpochMilli(rs.getLong("timestamp_ms")), MessageStatus.valueOf(rs.getString("status")),
                rs.getString("failure"), rs.getString("sender"), MessageKind.valueOf(rs.getString("kind")),
                rs.getInt("edited") != 0);
    }

    static ConversationId conversation(String account, String peer, int room) {
        return new ConversationId(room != 0 ? ConversationId.Kind.ROOM : ConversationId.Kind.DIRECT,
                new AccountId(account), peer);
    }

    /**
     * Whether a message may move from one status to another: only forward, and to FAILED only
     * from QUEUED (a message the server took cannot fail afterwards).
     */
    static boolean canMove(MessageStatus from, MessageStatus to) {
        if (to == MessageStatus.FAILED) {
            return from == MessageStatus.QUEUED;
        }
        return from != MessageStatus.FAILED && to.isAfter(from);
    }

    /** The first part of a query for whole rows; append the WHERE clause. */
    static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM messages ";

    /** A message of a conversation by client id, or else (when it has one) by network id in its account. */
    static Optional<StoredMessage> find(Connection c, DedupeKeys keys, ConversationId conversation, MessageId id)
            throws SQLException {
        Optional<StoredMessage> found = byClientId(c, keys, conversation, id.clientId());
        if (found.isPresent() || id.networkId() == null) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement(SELECT_ALL
                + "WHERE conversation_id IN (SELECT id FROM conversations WHERE account = ?) AND network_id = ?")) {
            s.setString(1, conversation.account().value());
            s.setString(2, id.networkId());
            return first(s);
        }
    }

    /** Through the de-duplication key, and the collision table when the key's message is another one. */
    private static Optional<StoredMessage> byClientId(Connection c, DedupeKeys keys, ConversationId conversation,
                                                      String clientId) throws SQLException {
        OptionalLong owner = keys.owner(c, DedupeKey.of(conversation.key(), clientId));
        if (owner.isPresent()) {
            try (PreparedStatement s = c.prepareStatement(SELECT_ALL + "WHERE seq = ? AND conversation = ? AND client_id = ?")) {
                s.setLong(1, owner.getAsLong());
                s.setString(2, conversation.key());
                s.setString(3, clientId);
                Optional<StoredMessage> found = first(s);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(SELECT_ALL + "WHERE seq = (SELECT seq FROM "
                + "message_key_collisions WHERE conversation = ? AND client_id = ?)")) {
            s.setString(1, conversation.key());
            s.setString(2, clientId);
            return first(s);
        }
    }

    static Optional<StoredMessage> first(PreparedStatement s) throws SQLException {
        // Close every ResultSet promptly: an open one pins an old WAL snapshot.
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(MessageRows.read(rs)) : Optional.empty();
        }
    }

    static List<StoredMessage> all(PreparedStatement s) throws SQLException {
        List<StoredMessage> result = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(MessageRows.read(rs));
            }
        }
        return result;
    }
}
