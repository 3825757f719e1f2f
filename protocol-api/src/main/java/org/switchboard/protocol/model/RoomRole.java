package org.switchboard.protocol.model;

/**
 * What a member may do in a room, highest first. IRC prefixes map as {@code ~} OWNER,
 * {@code &} ADMIN, {@code @} and {@code %} MODERATOR, {@code +} VOICED; XMPP affiliations owner
 * and admin map to OWNER and ADMIN, the moderator role to MODERATOR, a participant of a
 * moderated room to VOICED, other participants to MEMBER and visitors to VISITOR.
 */
public enum RoomRole {
    OWNER("~"),
    ADMIN("&"),
    MODERATOR("@"),
    VOICED("+"),
    MEMBER(""),
    VISITOR("");

    private final String prefix;

    RoomRole(String prefix) {
        this.prefix = prefix;
    }

    /** The sign shown before a nick in member lists (IRC's convention, used for every network). */
    public String prefix() {
        return prefix;
    }
}
