package org.switchboard.protocol.spi.capability;

import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;

/** Own presence, and the last known presence of contacts ({@code PresenceChanged} events). */
public interface Presence extends Capability {

    CompletableFuture<Void> setOwn(PresenceStatus status);

    PresenceStatus own();

    /** Last known presence of a contact; {@link PresenceStatus#OFFLINE} when unknown. */
    PresenceStatus of(ContactAddress contact);
}
