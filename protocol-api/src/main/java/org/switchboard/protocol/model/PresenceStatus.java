package org.switchboard.protocol.model;

import java.util.Objects;

/** A presence: how reachable, plus the free status text the person set (may be empty). */
public record PresenceStatus(Availability availability, String statusText) {
    public static final PresenceStatus OFFLINE = new PresenceStatus(Availability.OFFLINE, "");
    public static final PresenceStatus ONLINE = new PresenceStatus(Availability.ONLINE, "");

    public PresenceStatus {
        Objects.requireNonNull(availability, "availability");
        statusText = statusText == null ? "" : statusText;
    }

    public static PresenceStatus of(Availability availability) {
        return new PresenceStatus(availability, "");
    }
}
