package org.switchboard.nativeproto.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.RosterEntry;
import org.switchboard.protocol.spi.capability.Roster;

/** The server-side contact list; changes come back as contact pushes, reported as events. */
final class NativeRoster implements Roster {

    private final NativeSession session;

    NativeRoster(NativeSession session) {
        this.session = session;
    }

    @Override
    public List<RosterEntry> entries() {
        return session.view.entries();
    }

    @Override
    public CompletableFuture<Void> add(ContactAddress contact, String displayName, Set<String> groups) {
        ObjectNode frame = Frames.frame("contact-add").put("user", NativeSession.handle(contact));
        if (displayName != null && !displayName.isBlank()) {
            frame.put("name", displayName);
        }
        ArrayNode array = frame.putArray("groups");
        (groups == null ? Set.<String>of() : groups).forEach(array::add);
        return session.request(frame, ok -> null);
    }

    @Override
    public CompletableFuture<Void> remove(ContactAddress contact) {
        return session.request(Frames.frame("contact-remove").put("user", NativeSession.handle(contact)), ok -> null);
    }

    @Override
    public CompletableFuture<Void> answerSubscription(ContactAddress from, boolean accept) {
        return session.request(Frames.frame("subscribe-answer").put("user", NativeSession.handle(from))
                .put("accept", accept), ok -> null);
    }
}
