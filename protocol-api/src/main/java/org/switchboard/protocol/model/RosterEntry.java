package org.switchboard.protocol.model;

import java.util.Objects;
import java.util.Set;

/** One contact on an account's server-side contact list. */
public record RosterEntry(ContactAddress address, String displayName, Set<String> groups,
                          Subscription subscription) {
    public RosterEntry {
        Objects.requireNonNull(address, "address");
        displayName = displayName == null || displayName.isBlank() ? address.handle() : displayName;
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        Objects.requireNonNull(subscription, "subscription");
    }
}
