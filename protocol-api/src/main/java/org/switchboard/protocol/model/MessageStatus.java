package org.switchboard.protocol.model;

/**
 * Where an outgoing message is on its way. The order is the order of progress: a status never
 * moves back to an earlier one, except to {@link #FAILED} from {@link #QUEUED}.
 */
public enum MessageStatus {
    /** Written to the local outbox, not yet accepted by the server. */
    QUEUED,
    /** The server accepted it. */
    SENT,
    /** The peer's client received it. */
    DELIVERED,
    /** The peer's client displayed it. */
    READ,
    /** It cannot be sent; the reason is kept beside it. */
    FAILED;

    public boolean isAfter(MessageStatus other) {
        return ordinal() > other.ordinal();
    }
}
