package org.switchboard.protocol.model;

import java.util.Objects;

/**
 * A member present in a room.
 *
 * @param nick     the name shown in the room, unique within it
 * @param role     what the member may do
 * @param address  the member's own address when the network shows it (a real JID, an IRC
 *                 {@code user@host}), or null
 * @param away     true when the member is marked away
 */
public record RoomOccupant(String nick, RoomRole role, String address, boolean away) {
    public RoomOccupant {
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(role, "role");
        if (nick.isBlank()) {
            throw new IllegalArgumentException("nick is blank");
        }
    }

    public static RoomOccupant member(String nick) {
        return new RoomOccupant(nick, RoomRole.MEMBER, null, false);
    }
}
