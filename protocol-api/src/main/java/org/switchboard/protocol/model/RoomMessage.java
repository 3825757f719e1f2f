package org.switchboard.protocol.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A message in a room as a provider reports it, live or from the room's archive. The user's own
 * messages come back too (networks that echo them, and archives) with direction OUTGOING and the
 * id they were sent with, so that the app stores each once.
 *
 * @param sender    the nick that wrote it
 * @param archived  true when it came from the server's archive or the room's history on join,
 *                  not live; such messages do not count as unread
 */
public record RoomMessage(MessageId id, RoomAddress room, String sender, Direction direction, String body,
                          Instant timestamp, MessageKind kind, boolean archived) {
    public RoomMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(kind, "kind");
    }
}
