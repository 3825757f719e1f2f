package org.switchboard.core.conversation;

import java.time.Instant;
import java.util.Objects;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/**
 * A message as history keeps it.
 *
 * @param seq     the history's own increasing number: the order messages were stored in
 * @param status  for outgoing messages, how far it got; incoming messages are DELIVERED or READ
 * @param failure readable reason when status is FAILED, else null
 */
public record StoredMessage(long seq, ConversationId conversation, MessageId id, Direction direction,
                            String body, Instant timestamp, MessageStatus status, String failure) {
    public StoredMessage {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(status, "status");
    }

    public StoredMessage withStatus(MessageStatus newStatus, String reason) {
        return new StoredMessage(seq, conversation, id, direction, body, timestamp, newStatus, reason);
    }
}
