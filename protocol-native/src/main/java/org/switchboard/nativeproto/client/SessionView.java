package org.switchboard.nativeproto.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.event.ProtocolEvent.RosterReceived;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.RosterEntry;
import org.switchboard.protocol.model.Subscription;

/** What a session knows of the account's contacts and presence; read from any thread. */
final class SessionView {

    private final Map<String, RosterEntry> roster = new ConcurrentSkipListMap<>();
    private final Map<String, PresenceStatus> presences = new ConcurrentHashMap<>();
    private volatile PresenceStatus own = PresenceStatus.ONLINE;
    void replaceRoster(NativeSession session, List<JsonNode> contacts) {
        roster.clear();
        for (JsonNode contact : contacts) {
            RosterEntry entry = entry(session, contact);
            roster.put(entry.address().handle(), entry);
        }
        session.emit(new RosterReceived(session.account(), List.copyOf(roster.values())));
    }

    RosterEntry put(NativeSession session, JsonNode contact) {
        RosterEntry entry = entry(session, contact);
        roster.put(entry.address().handle(), entry);
        return entry;
    }

    void remove(String handle) {
        roster.remove(handle);
        presences.remove(handle);
    }

    List<RosterEntry> entries() {
        return new ArrayList<>(roster.values());
    }

    void presence(String handle, PresenceStatus status) {
        presences.put(handle, status);
    }

    PresenceStatus presence(String handle) {
        return presences.getOrDefault(handle, PresenceStatus.OFFLINE);
    }

    void forgetPresences() {
        presences.clear();
    }

    PresenceStatus own() {
        return own;
    }

    void own(PresenceStatus status) {
        own = status;
    }

    private static RosterEntry entry(NativeSession session, JsonNode contact) {
        Set<String> groups = new LinkedHashSet<>();
        contact.path("groups").forEach(g -> groups.add(g.asText()));
        return new RosterEntry(session.address(contact.path("user").asText()),
                contact.path("name").isTextual() ? contact.get("name").asText() : null, groups,
                subscription(contact.path("subscription").asText()));
    }

    static Subscription subscription(String wire) {
        return switch (wire) {
            case "both" -> Subscription.BOTH;
            case "to" -> Subscription.TO;
            case "from" -> Subscription.FROM;
            case "pending-out" -> Subscription.PENDING_OUT;
            default -> Subscription.NONE;
        };
    }

    static String wire(Availability availability) {
        return availability.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static Availability availability(String wire) {
        for (Availability a : Availability.values()) {
            if (wire(a).equals(wire)) {
                return a;
            }
        }
        return Availability.ONLINE;
    }

    static PresenceStatus presenceOf(ObjectNode frame) {
        return new PresenceStatus(availability(Frames.text(frame, "availability", "offline")),
                Frames.text(frame, "status", ""));
    }
}
