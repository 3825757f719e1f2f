package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/** The writes that move messages through their statuses; run on the writer thread. */
final class StatusWrites {

    private StatusWrites() {
    }

    /** See {@link HistoryStore#updateStatus}. */
    static Optional<StoredMessage> update(Connection c, DedupeKeys keys, ConversationId conversation, MessageId id,
                                          MessageStatus status, String failure) throws SQLException {
        Optional<StoredMessage> current = MessageRows.find(c, keys, conversation, id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        StoredMessage old = current.get();
        boolean move = MessageRows.canMove(old.status(), status);
        String networkId = old.id().networkId() == null ? id.networkId() : old.id().networkId();
        boolean newNetworkId = networkId != null && !networkId.equals(old.id().networkId());
        if (!move && !newNetworkId) {
            return Optional.empty();
        }
        MessageStatus newStatus = move ? status : old.status();
        String newFailure = move ? (status == MessageStatus.FAILED ? failure : null) : old.failure();
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE OR IGNORE message_rows SET status = ?, failure = ?, network_id = ? WHERE seq = ?")) {
            s.setString(1, newStatus.name());
            s.setString(2, newFailure);
            s.setString(3, networkId);
            s.setLong(4, old.seq());
            if (s.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        if (move && old.status() == MessageStatus.QUEUED) {
            // The row's own conversation: a message found by its network id may belong to another one.
            ConversationTimes.leftOutbox(c, old.conversation().key(), old.timestamp());
        }
        return Optional.of(new StoredMessage(old.seq(), old.conversation(),
                new MessageId(old.id().clientId(), networkId), old.direction(), old.body(), old.timestamp(),
                newStatus, newFailure, old.sender(), old.kind(), old.edited()));
    }

    /** See {@link HistoryStore#failQueued}. */
    static List<StoredMessage> failQueued(Connection c, ConversationId conversation, String failure, long exceptSeq)
            throws SQLException {
        List<StoredMessage> waiting;
        try (PreparedStatement s = c.prepareStatement(MessageRows.SELECT_ALL
                + "WHERE conversation = ? AND status = 'QUEUED' AND seq <> ? ORDER BY seq")) {
            s.setString(1, conversation.key());
            s.setLong(2, exceptSeq);
            waiting = MessageRows.all(s);
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE message_rows SET status = 'FAILED', failure = ? "
                + "WHERE seq = ? AND status = 'QUEUED'")) {
            for (StoredMessage m : waiting) {
                s.setString(1, failure);
                s.setLong(2, m.seq());
                s.addBatch();
            }
            s.executeBatch();
        }
        for (StoredMessage m : waiting) {
            ConversationTimes.leftOutbox(c, conversation.key(), m.timestamp());
        }
        return waiting.stream().map(m -> m.withStatus(MessageStatus.FAILED, failure)).toList();
    }
}
