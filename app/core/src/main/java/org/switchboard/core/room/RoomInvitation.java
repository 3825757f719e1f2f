package org.switchboard.core.room;

import java.util.Objects;
import org.switchboard.protocol.model.RoomAddress;

/** Someone invites the user into a room; {@code password} may be null, {@code reason} empty. */
public record RoomInvitation(RoomAddress room, String from, String reason, String password) {
    public RoomInvitation {
        Objects.requireNonNull(room, "room");
        from = from == null ? "" : from;
        reason = reason == null ? "" : reason;
    }
}
