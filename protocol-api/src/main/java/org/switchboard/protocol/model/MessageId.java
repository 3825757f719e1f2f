package org.switchboard.protocol.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Names one message. {@code clientId} is made by the sending client, unique, and travels with
 * the message where the network can carry it; {@code networkId} is the server's own id when the
 * network assigns one. Either may be used to recognise the same message seen twice (live and
 * again from a server archive).
 */
public record MessageId(String clientId, String networkId) {
    public MessageId {
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("client id is blank");
        }
        if (networkId != null && networkId.isBlank()) {
            networkId = null;
        }
    }

    public static MessageId newClientId() {
        return new MessageId(UUID.randomUUID().toString(), null);
    }

    public static MessageId of(String clientId) {
        return new MessageId(clientId, null);
    }

    public Optional<String> network() {
        return Optional.ofNullable(networkId);
    }

    public MessageId withNetworkId(String id) {
        return new MessageId(clientId, id);
    }
}
