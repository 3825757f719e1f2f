package org.switchboard.protocol.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-to-one message as a provider reports it. {@code peer} is the other side of the
 * conversation whatever the direction (an outgoing message seen from another of the user's
 * own clients has direction OUTGOING and the recipient as peer).
 */
public record ChatMessage(MessageId id, ContactAddress peer, Direction direction, String body,
                          Instant timestamp, MessageKind kind) {

    /** An ordinary CHAT message. */
    public ChatMessage(MessageId id, ContactAddress peer, Direction direction, String body, Instant timestamp) {
        this(id, peer, direction, body, timestamp, MessageKind.CHAT);
    }

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(kind, "kind");
    }
}
