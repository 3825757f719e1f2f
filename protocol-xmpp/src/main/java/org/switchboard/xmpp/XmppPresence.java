package org.switchboard.xmpp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.packet.Presence.Mode;
import org.jivesoftware.smack.packet.Presence.Type;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.switchboard.protocol.event.ProtocolEvent.PresenceChanged;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.spi.capability.Presence;

/**
 * Own presence (sent after the roster is in, so contacts' presences are not missed) and
 * contacts' presence: the best of their resources, as Smack's roster ranks them.
 */
final class XmppPresence implements Presence, SessionPart {

    private final XmppSession session;
    private final Map<String, PresenceStatus> known = new ConcurrentHashMap<>();
    private volatile PresenceStatus own = PresenceStatus.ONLINE;

    XmppPresence(XmppSession session) {
        this.session = session;
    }

    @Override
    public void attach(XMPPTCPConnection connection) {
        known.clear();
    }

    @Override
    public void loggedIn(XMPPTCPConnection connection, ServerFeatures features) throws Exception {
        connection.sendStanza(stanza(own));
    }

    @Override
    public void detached() {
        known.clear();
    }

    /** Smack's roster saw a presence of {@code contact}. */
    void changed(BareJid contact) {
        org.jivesoftware.smack.roster.Roster roster = session.roster.smackRoster();
        if (roster == null) {
            return;
        }
        PresenceStatus now = of(roster.getPresence(contact));
        ContactAddress address = session.address(contact);
        PresenceStatus before = known.put(address.handle(), now);
        if (!now.equals(before)) {
            session.emit(new PresenceChanged(session.account(), address, now));
        }
    }

    static PresenceStatus of(org.jivesoftware.smack.packet.Presence p) {
        if (p == null || p.getType() != Type.available) {
            return PresenceStatus.OFFLINE;
        }
        Availability availability = switch (p.getMode()) {
            case chat -> Availability.CHAT;
            case away -> Availability.AWAY;
            case xa -> Availability.EXTENDED_AWAY;
            case dnd -> Availability.DO_NOT_DISTURB;
            default -> Availability.ONLINE;
        };
        return new PresenceStatus(availability, p.getStatus());
    }

    static org.jivesoftware.smack.packet.Presence stanza(PresenceStatus status) {
        PresenceBuilder b = PresenceBuilder.buildPresence();
        if (status.availability() == Availability.OFFLINE) {
            b.ofType(Type.unavailable);
        } else {
            b.ofType(Type.available).setMode(switch (status.availability()) {
                case CHAT -> Mode.chat;
                case AWAY -> Mode.away;
                case EXTENDED_AWAY -> Mode.xa;
                case DO_NOT_DISTURB -> Mode.dnd;
                default -> Mode.available;
            });
        }
        if (!status.statusText().isEmpty()) {
            b.setStatus(status.statusText());
        }
        return b.build();
    }

    @Override
    public CompletableFuture<Void> setOwn(PresenceStatus status) {
        return session.call(c -> {
            c.sendStanza(stanza(status));
            own = status;
            return null;
        });
    }

    @Override
    public PresenceStatus own() {
        return own;
    }

    @Override
    public PresenceStatus of(ContactAddress contact) {
        return known.getOrDefault(contact.handle(), PresenceStatus.OFFLINE);
    }
}
