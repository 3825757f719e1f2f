package org.switchboard.core.conversation;

import java.time.Instant;
import java.util.Objects;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.MessageStatus;

/**
 * A message as history keeps it.
 *
 * @param seq     the history's own increasing number: the order messages were stored in
 * @param status  for outgoing messages, how far it got; incoming messages are DELIVERED or READ
 * @param failure readable reason when status is FAILED, else null
 * @param sender  in a room, the nick that wrote it (the user's own nick for outgoing ones); null
 *                in one-to-one conversations
 * @param kind    a conversational message or a notice
 * @param edited  true when the body was replaced by a correction
 */
public record StoredMessage(long seq, ConversationId conversation, MessageId id, Direction direction,
                            String body, Instant timestamp, MessageStatus status, String failure,
                            String sender, MessageKind kind, boolean edited) {

    /** The action prefix of XEP-0245: a body {@code "/me waves"} reads "* nick waves". */
    public static final String ACTION_PREFIX = "/me ";

    public StoredMessage {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kind, "kind");
    }

    /** An ordinary one-to-one CHAT message, never edited. */
    public StoredMessage(long seq, ConversationId conversation, MessageId id, Direction direction,
                         String body, Instant timestamp, MessageStatus status, String failure) {
        this(seq, conversation, id, direction, body, timestamp, status, failure, null, MessageKind.CHAT, false);
    }

    public StoredMessage withStatus(MessageStatus newStatus, String reason) {
        return new StoredMessage(seq, conversation, id, direction, body, timestamp, newStatus, reason, sender, kind,
                edited);
    }

    public StoredMessage withSeq(long newSeq) {
        return new StoredMessage(newSeq, conversation, id, direction, body, timestamp, status, failure, sender, kind,
                edited);
    }

    /** Whether this is an action ({@code /me ...}). */
    public boolean isAction() {
        return kind == MessageKind.CHAT && body.startsWith(ACTION_PREFIX);
    }

    /** The action's text without the prefix; the body itself for other messages. */
    public String actionText() {
        return isAction() ? body.substring(ACTION_PREFIX.length()) : body;
    }
}
