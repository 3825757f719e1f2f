package org.switchboard.protocol.model;

import java.util.Objects;

/** A message the user sends; its id is made by the app before the message is stored. */
public record OutgoingMessage(MessageId id, ContactAddress to, String body) {
    public OutgoingMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }
}
