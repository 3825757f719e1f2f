package org.switchboard.protocol.spi.capability;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.ContactAddress;

/**
 * Server-side blocking (XMPP XEP-0191): a blocked contact's messages and presence stop at the
 * server. Changes, also those made from the user's other clients, arrive as
 * {@code BlockListChanged}.
 */
public interface Blocking extends Capability {

    Set<ContactAddress> blocked();

    CompletableFuture<Void> block(ContactAddress contact);

    CompletableFuture<Void> unblock(ContactAddress contact);
}
