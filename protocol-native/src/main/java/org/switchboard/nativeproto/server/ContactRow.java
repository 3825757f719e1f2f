package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.switchboard.nativeproto.codec.FrameReader;

/** One entry of {@code owner}'s contact list and the subscription state between the two. */
record ContactRow(String owner, String peer, String displayName, List<String> groups,
                  boolean to, boolean from, boolean pendingOut) {

    ContactRow {
        groups = List.copyOf(groups);
    }

    static ContactRow empty(String owner, String peer) {
        return new ContactRow(owner, peer, null, List.of(), false, false, false);
    }

    /** The RFC 6121-like state on the wire: none, pending-out, to, from, both. */
    String subscription() {
        if (to && from) {
            return "both";
        }
        if (to) {
            return "to";
        }
        if (from) {
            return "from";
        }
        return pendingOut ? "pending-out" : "none";
    }

    ContactRow withTo(boolean value) {
        return new ContactRow(owner, peer, displayName, groups, value, from, value ? false : pendingOut);
    }

    ContactRow withFrom(boolean value) {
        return new ContactRow(owner, peer, displayName, groups, to, value, pendingOut);
    }

    ContactRow withPendingOut(boolean value) {
        return new ContactRow(owner, peer, displayName, groups, to, from, value);
    }

    ContactRow withNameAndGroups(String name, List<String> newGroups) {
        return new ContactRow(owner, peer, name, newGroups, to, from, pendingOut);
    }

    ObjectNode toJson() {
        ObjectNode node = FrameReader.Json.MAPPER.createObjectNode();
        node.put("user", peer);
        if (displayName != null) {
            node.put("name", displayName);
        }
        ArrayNode array = node.putArray("groups");
        groups.forEach(array::add);
        node.put("subscription", subscription());
        return node;
    }
}
