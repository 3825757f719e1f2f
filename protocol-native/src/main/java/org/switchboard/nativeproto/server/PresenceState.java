package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.model.Availability;

/** One connection's presence as its client set it. */
record PresenceState(Availability availability, String status) {

    static final PresenceState OFFLINE = new PresenceState(Availability.OFFLINE, "");

    /** Wire names: chat, online, away, extended-away, do-not-disturb, offline. */
    static Optional<Availability> parse(String wire) {
        for (Availability a : Availability.values()) {
            if (wire(a).equals(wire)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    static String wire(Availability availability) {
        return availability.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    ObjectNode toFrame(String user) {
        return Frames.frame("presence").put("user", user).put("availability", wire(availability)).put("status", status);
    }
}
