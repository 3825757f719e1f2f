package org.switchboard.core.contact;

import java.util.Objects;
import java.util.Set;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.Subscription;

/** One protocol contact as the unified list shows it. */
public record Contact(ContactAddress address, String protocolId, String displayName, Set<String> groups,
                      Subscription subscription, PresenceStatus presence) {
    public Contact {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocolId, "protocolId");
        displayName = displayName == null || displayName.isBlank() ? address.handle() : displayName;
        groups = Set.copyOf(groups);
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(presence, "presence");
    }
}
