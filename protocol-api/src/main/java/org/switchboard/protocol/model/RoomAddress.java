package org.switchboard.protocol.model;

import java.util.Objects;

/**
 * A group conversation as one account sees it: an IRC channel ({@code #switchboard}) or an XMPP
 * multi-user chat room ({@code lounge@conference.example.org}). Names are compared exactly; a
 * provider normalises them (case, prefix) before making an address, with
 * {@link org.switchboard.protocol.spi.capability.GroupChat#room(String)}.
 */
public record RoomAddress(AccountId account, String name) {
    public RoomAddress {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("room name is blank");
        }
    }

    @Override
    public String toString() {
        return name + " (" + account + ")";
    }
}
