package org.switchboard.protocol.model;

/**
 * How reachable someone is. Declared from most to least reachable, so that the "best"
 * presence of several contacts is the one with the lowest ordinal.
 */
public enum Availability {
    CHAT,
    ONLINE,
    AWAY,
    EXTENDED_AWAY,
    DO_NOT_DISTURB,
    OFFLINE;

    public boolean isOnline() {
        return this != OFFLINE;
    }

    public boolean betterThan(Availability other) {
        return ordinal() < other.ordinal();
    }
}
