package org.switchboard.xmpp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.Jid;
import org.switchboard.protocol.model.MessageId;

/** Reading ids, times and extensions out of stanzas. */
final class Stanzas {

    private Stanzas() {
    }

    static <E extends ExtensionElement> E extension(Stanza stanza, Class<E> type) {
        List<E> found = stanza.getExtensions(type);
        return found.isEmpty() ? null : found.getFirst();
    }

    /**
     * The message's id: its origin-id (XEP-0359) when the sender set one, else the stanza id, so
     * that the sender's and the receiver's ids agree; {@code networkId} is the stanza-id that
     * {@code archive} (our account, or a room) stamped on it, when present.
     */
    static MessageId id(Message message, Jid archive) {
        OriginIdElement origin = extension(message, OriginIdElement.class);
        String client = origin != null ? origin.getId() : message.getStanzaId();
        if (client == null || client.isBlank()) {
            client = UUID.randomUUID().toString();
        }
        return new MessageId(client, stanzaId(message, archive));
    }

    static String stanzaId(Message message, Jid archive) {
        for (StanzaIdElement sid : message.getExtensions(StanzaIdElement.class)) {
            if (archive != null && archive.toString().equals(sid.getBy())) {
                return sid.getId();
            }
        }
        return null;
    }

    /** When the message was written: its delay stamp (offline storage, history), else now. */
    static Instant time(Stanza stanza) {
        DelayInformation delay = extension(stanza, DelayInformation.class);
        return delay != null ? delay.getStamp().toInstant() : Instant.now();
    }

    static Instant time(org.jivesoftware.smackx.forward.packet.Forwarded<?> forwarded) {
        DelayInformation delay = forwarded.getDelayInformation();
        return delay != null ? delay.getStamp().toInstant() : time(forwarded.getForwardedStanza());
    }

    static boolean delayed(Stanza stanza) {
        return extension(stanza, DelayInformation.class) != null;
    }
}
