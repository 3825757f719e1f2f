package org.switchboard.nativeproto.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.capability.Presence;

/** Own presence (kept across reconnects) and the contacts' last known presence. */
final class NativePresence implements Presence {

    private final NativeSession session;

    NativePresence(NativeSession session) {
        this.session = session;
    }

    static ObjectNode frame(PresenceStatus status) {
        return Frames.frame("presence").put("availability", SessionView.wire(status.availability()))
                .put("status", status.statusText());
    }

    @Override
    public CompletableFuture<Void> setOwn(PresenceStatus status) {
        Objects.requireNonNull(status, "status");
        session.view.own(status);
        if (session.state() != ConnectionState.CONNECTED) {
            // Sent with the next login.
            return CompletableFuture.completedFuture(null);
        }
        return session.request(frame(status), ok -> null);
    }

    @Override
    public PresenceStatus own() {
        return session.view.own();
    }

    @Override
    public PresenceStatus of(ContactAddress contact) {
        return session.view.presence(NativeSession.handle(contact));
    }
}
