package org.switchboard.protocol.spi.capability;

import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;

/**
 * Delivery and read receipts. A provider with this capability sends delivery receipts for
 * incoming messages on its own and reports the peer's as {@code MessageStatusChanged}
 * (DELIVERED, READ).
 */
public interface Receipts extends Capability {

    /** Tells the sender that the user has seen this message (and those before it). */
    CompletableFuture<Void> markRead(ContactAddress from, MessageId message);
}
