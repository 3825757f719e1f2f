package org.switchboard.core.contact;

import java.util.Objects;
import java.util.Set;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.Subscription;

/**
 * One protocol contact as the unified list shows it.
 *
 * @param blocked  whether the account's server blocks this contact (their messages and presence)
 * @param avatarId names the contact's current picture ({@link ContactService#avatar}), changing with it;
 *                 empty when there is none
 */
public record Contact(ContactAddress address, String protocolId, String displayName, Set<String> groups,
                      Subscription subscription, PresenceStatus presence, boolean blocked, String avatarId) {
    /** A contact that is not blocked and has no picture. */
    public Contact(ContactAddress address, String protocolId, String displayName, Set<String> groups,
                   Subscription subscription, PresenceStatus presence) {
        this(address, protocolId, displayName, groups, subscription, presence, false, "");
    }

    public Contact {
        avatarId = avatarId == null ? "" : avatarId;
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocolId, "protocolId");
        displayName = displayName == null || displayName.isBlank() ? address.handle() : displayName;
        groups = Set.copyOf(groups);
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(presence, "presence");
    }
}
