package org.switchboard.protocol.spi.capability;

import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.TypingState;

/** Typing notifications both ways; the peer's arrive as {@code TypingChanged} events. */
public interface Typing extends Capability {

    CompletableFuture<Void> setTyping(ContactAddress to, TypingState state);
}
