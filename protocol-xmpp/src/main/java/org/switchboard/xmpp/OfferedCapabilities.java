package org.switchboard.xmpp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.protocol.spi.capability.Avatars;
import org.switchboard.protocol.spi.capability.Blocking;
import org.switchboard.protocol.spi.capability.Capability;
import org.switchboard.protocol.spi.capability.Corrections;
import org.switchboard.protocol.spi.capability.GroupChat;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Presence;
import org.switchboard.protocol.spi.capability.Receipts;
import org.switchboard.protocol.spi.capability.Roster;
import org.switchboard.protocol.spi.capability.ServerArchive;
import org.switchboard.protocol.spi.capability.Typing;

/**
 * Which capabilities a session offers after login: the client-side ones always, the rest as the
 * server announced them (no MAM, no {@code ServerArchive}; no conference service, no rooms; …).
 */
final class OfferedCapabilities {

    private OfferedCapabilities() {
    }

    static Map<Class<? extends Capability>, Capability> of(XmppSession session, ServerFeatures features) {
        Map<Class<? extends Capability>, Capability> caps = new LinkedHashMap<>();
        caps.put(Messaging.class, session.messaging);
        caps.put(Typing.class, session.messaging.typing());
        caps.put(Receipts.class, session.messaging.receipts());
        caps.put(Corrections.class, session.messaging.corrections());
        caps.put(Roster.class, session.roster);
        caps.put(Presence.class, session.presence);
        if (features.archive()) {
            caps.put(ServerArchive.class, session.archive);
        }
        if (features.conferenceService().isPresent()) {
            caps.put(GroupChat.class, session.rooms);
        }
        if (features.vcard()) {
            caps.put(Avatars.class, session.avatars);
        }
        if (features.blocking()) {
            caps.put(Blocking.class, session.blocking);
        }
        return Map.copyOf(caps);
    }
}
