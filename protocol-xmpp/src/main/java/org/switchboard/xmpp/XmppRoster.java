package org.switchboard.xmpp;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.roster.Roster.SubscriptionMode;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterGroup;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.switchboard.protocol.event.ProtocolEvent.ContactAdded;
import org.switchboard.protocol.event.ProtocolEvent.ContactRemoved;
import org.switchboard.protocol.event.ProtocolEvent.RosterReceived;
import org.switchboard.protocol.event.ProtocolEvent.SubscriptionRequested;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Subscription;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.Roster;

/**
 * The server-side roster (RFC 6121): names and groups, subscriptions answered by the user
 * (Smack's automatic answers are off), pushes reported as {@code ContactAdded}/{@code ContactRemoved}.
 */
final class XmppRoster implements Roster, SessionPart {

    private final XmppSession session;
    private volatile org.jivesoftware.smack.roster.Roster roster;
    private volatile boolean loaded;

    XmppRoster(XmppSession session) {
        this.session = session;
    }

    @Override
    public void attach(XMPPTCPConnection connection) {
        org.jivesoftware.smack.roster.Roster r = org.jivesoftware.smack.roster.Roster.getInstanceFor(connection);
        r.setRosterLoadedAtLogin(false);
        r.setSubscriptionMode(SubscriptionMode.manual);
        r.addSubscribeListener((from, request) -> {
            session.emit(new SubscriptionRequested(session.account(), session.address(from), request.getStatus()));
            return null;
        });
        r.addRosterListener(new RosterListener() {
            @Override
            public void entriesAdded(Collection<Jid> addresses) {
                changed(addresses);
            }

            @Override
            public void entriesUpdated(Collection<Jid> addresses) {
                changed(addresses);
            }

            @Override
            public void entriesDeleted(Collection<Jid> addresses) {
                if (loaded) {
                    addresses.forEach(a -> session.emit(new ContactRemoved(session.account(), session.address(a))));
                }
            }

            @Override
            public void presenceChanged(org.jivesoftware.smack.packet.Presence presence) {
                session.presence.changed(presence.getFrom().asBareJid());
            }
        });
        roster = r;
        loaded = false;
    }

    private void changed(Collection<Jid> addresses) {
        org.jivesoftware.smack.roster.Roster r = roster;
        if (!loaded || r == null) {
            return;
        }
        for (Jid a : addresses) {
            RosterEntry entry = r.getEntry(a.asBareJid());
            if (entry != null) {
                session.emit(new ContactAdded(session.account(), toEntry(entry)));
            }
        }
    }

    @Override
    public void loggedIn(XMPPTCPConnection connection, ServerFeatures features) throws Exception {
        roster.reloadAndWait();
        loaded = true;
        session.emit(new RosterReceived(session.account(), entries()));
    }

    @Override
    public void detached() {
        loaded = false;
    }

    org.jivesoftware.smack.roster.Roster smackRoster() {
        return roster;
    }

    private org.switchboard.protocol.model.RosterEntry toEntry(RosterEntry e) {
        Set<String> groups = new TreeSet<>();
        for (RosterGroup g : e.getGroups()) {
            groups.add(g.getName());
        }
        return new org.switchboard.protocol.model.RosterEntry(session.address(e.getJid()), e.getName(), groups,
                subscription(e));
    }

    private static Subscription subscription(RosterEntry e) {
        return switch (e.getType()) {
            case both -> Subscription.BOTH;
            case to -> Subscription.TO;
            case from -> e.isSubscriptionPending() ? Subscription.PENDING_OUT : Subscription.FROM;
            default -> e.isSubscriptionPending() ? Subscription.PENDING_OUT : Subscription.NONE;
        };
    }

    @Override
    public List<org.switchboard.protocol.model.RosterEntry> entries() {
        org.jivesoftware.smack.roster.Roster r = roster;
        if (r == null || !loaded) {
            return List.of();
        }
        return r.getEntries().stream().map(this::toEntry).toList();
    }

    @Override
    public CompletableFuture<Void> add(ContactAddress contact, String displayName, Set<String> groups) {
        return session.call(c -> {
            BareJid jid = Jids.bare(contact);
            org.jivesoftware.smack.roster.Roster.getInstanceFor(c)
                    .createItemAndRequestSubscription(jid, displayName, groups.toArray(String[]::new));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> update(ContactAddress contact, String displayName, Set<String> groups) {
        return session.call(c -> {
            BareJid jid = Jids.bare(contact);
            org.jivesoftware.smack.roster.Roster r = org.jivesoftware.smack.roster.Roster.getInstanceFor(c);
            if (r.getEntry(jid) == null) {
                throw new ProtocolException(Reason.REJECTED, contact.handle() + " is not on the contact list");
            }
            // A roster set carries the whole item: name and groups replace the old ones.
            r.createItem(jid, displayName, groups.toArray(String[]::new));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> remove(ContactAddress contact) {
        return session.call(c -> {
            org.jivesoftware.smack.roster.Roster r = org.jivesoftware.smack.roster.Roster.getInstanceFor(c);
            RosterEntry entry = r.getEntry(Jids.bare(contact));
            if (entry != null) {
                r.removeEntry(entry);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> answerSubscription(ContactAddress from, boolean accept) {
        return session.call(c -> {
            c.sendStanza(PresenceBuilder.buildPresence()
                    .ofType(accept ? org.jivesoftware.smack.packet.Presence.Type.subscribed
                            : org.jivesoftware.smack.packet.Presence.Type.unsubscribed)
                    .to(Jids.bare(from)).build());
            return null;
        });
    }
}
