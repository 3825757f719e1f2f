package org.switchboard.protocol.spi.capability;

import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;

/** One-to-one text messages. Incoming ones arrive as {@code MessageReceived} events. */
public interface Messaging extends Capability {

    /**
     * Sends a message. The future completes when the server accepted it, with the id (now
     * carrying the network id where the network assigns one), or fails with a
     * {@link org.switchboard.protocol.spi.ProtocolException}. A provider reports
     * {@code MessageStatusChanged} FAILED only when the message will not be delivered; after a
     * transient failure ({@code ProtocolException.isTransient()}) the future fails and the caller
     * may send the same message (same id) again.
     */
    CompletableFuture<MessageId> send(OutgoingMessage message);

    /**
     * The app has durably stored an incoming message (or found it already stored). A provider
     * whose server keeps messages until the recipient acknowledges them sends that
     * acknowledgement now and not earlier, so a message the app could not store (a crash, a
     * full disk) is delivered again at the next login; the app recognises repeats by
     * {@link MessageId}. Never blocks; may be called from any thread, including inside a
     * {@link org.switchboard.protocol.spi.SessionListener} callback.
     */
    default void stored(ContactAddress from, MessageId id) {
    }

    /** The longest body, in UTF-8 bytes, that one message may carry on this network. */
    int maxBodyBytes();
}
