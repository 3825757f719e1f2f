package org.switchboard.xmpp;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jxmpp.jid.Jid;
import org.switchboard.protocol.event.ProtocolEvent.BlockListChanged;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.spi.capability.Blocking;

/**
 * Server-side blocking (XEP-0191). The list is read at login; every change the server pushes
 * (also those made from the user's other clients) is reported with the whole new list.
 */
final class XmppBlocking implements Blocking, SessionPart {

    private final XmppSession session;
    private volatile BlockingCommandManager manager;
    private volatile Set<ContactAddress> blocked = Set.of();

    XmppBlocking(XmppSession session) {
        this.session = session;
    }

    @Override
    public void attach(XMPPTCPConnection connection) {
        BlockingCommandManager m = BlockingCommandManager.getInstanceFor(connection);
        m.addJidsBlockedListener(jids -> changed());
        m.addJidsUnblockedListener(jids -> changed());
        m.addAllJidsUnblockedListener(this::changed);
        manager = m;
        blocked = Set.of();
    }

    @Override
    public void loggedIn(XMPPTCPConnection connection, ServerFeatures features) throws Exception {
        if (features.blocking()) {
            blocked = toAddresses(manager.getBlockList());
        }
    }

    private void changed() {
        try {
            blocked = toAddresses(manager.getBlockList());
        } catch (Exception e) {
            return;
        }
        session.emit(new BlockListChanged(session.account(), blocked));
    }

    private Set<ContactAddress> toAddresses(List<Jid> jids) {
        return jids.stream().map(session::address).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<ContactAddress> blocked() {
        return blocked;
    }

    @Override
    public CompletableFuture<Void> block(ContactAddress contact) {
        return session.call(c -> {
            BlockingCommandManager.getInstanceFor(c).blockContacts(List.of(Jids.bare(contact)));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> unblock(ContactAddress contact) {
        return session.call(c -> {
            BlockingCommandManager.getInstanceFor(c).unblockContacts(List.of(Jids.bare(contact)));
            return null;
        });
    }
}
