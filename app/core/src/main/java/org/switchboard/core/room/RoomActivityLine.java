package org.switchboard.core.room;

import java.time.Instant;
import java.util.Objects;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;

/** Something that happened in a room other than a message, as a line of its own in the conversation. */
public record RoomActivityLine(RoomAddress room, Instant at, RoomActivity activity) {
    public RoomActivityLine {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(activity, "activity");
    }
}
