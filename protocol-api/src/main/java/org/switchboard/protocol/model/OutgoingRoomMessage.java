package org.switchboard.protocol.model;

import java.util.Objects;

/** A message the user sends to a room; its id is made by the app before the message is stored. */
public record OutgoingRoomMessage(MessageId id, RoomAddress room, String body) {
    public OutgoingRoomMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(body, "body");
    }
}
