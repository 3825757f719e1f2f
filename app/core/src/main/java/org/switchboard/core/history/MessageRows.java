package org.switchboard.core.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/** Maps rows of the messages table to and from {@link StoredMessage}. */
final class MessageRows {

    static final String COLUMNS =
            "seq, account, peer, client_id, network_id, direction, body, timestamp_ms, status, failure";

    static final String INSERT = "INSERT OR IGNORE INTO messages (conversation, account, peer, client_id, "
            + "network_id, direction, body, timestamp_ms, status, failure) VALUES (?,?,?,?,?,?,?,?,?,?)";

    private MessageRows() {
    }

    static void bindInsert(PreparedStatement s, StoredMessage m) throws SQLException {
        s.setString(1, m.conversation().key());
        s.setString(2, m.conversation().peer().account().value());
        s.setString(3, m.conversation().peer().handle());
        s.setString(4, m.id().clientId());
        s.setString(5, m.id().networkId());
        s.setString(6, m.direction().name());
        s.setString(7, m.body());
        s.setLong(8, m.timestamp().toEpochMilli());
        s.setString(9, m.status().name());
        s.setString(10, m.failure());
    }

    static StoredMessage read(ResultSet rs) throws SQLException {
        ContactAddress peer = new ContactAddress(new AccountId(rs.getString("account")), rs.getString("peer"));
        return new StoredMessage(rs.getLong("seq"), new ConversationId(peer),
                new MessageId(rs.getString("client_id"), rs.getString("network_id")),
                Direction.valueOf(rs.getString("direction")), rs.getString("body"),
                Instant.ofEpochMilli(rs.getLong("timestamp_ms")), MessageStatus.valueOf(rs.getString("status")),
                rs.getString("failure"));
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
}
