package org.switchboard.xmpp;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.event.ProtocolEvent.ContactAdded;
import org.switchboard.protocol.event.ProtocolEvent.SubscriptionRequested;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Subscription;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.capability.Capability;
import org.switchboard.protocol.spi.capability.Roster;
import org.switchboard.xmpp.testing.ProsodyServer;

/** Switchboard sessions and bare Smack connections on a test Prosody, closed together. */
final class XmppTestClients implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ProsodyServer server;
    private final List<AutoCloseable> open = new ArrayList<>();
    private static final java.util.concurrent.atomic.AtomicInteger USERS = new java.util.concurrent.atomic.AtomicInteger();

    XmppTestClients(ProsodyServer server) {
        this.server = server;
    }

    /** A Switchboard session with its recorded events. */
    record Client(AccountConfig config, XmppSession session, EventRecorder events) {
        String jid() {
            return config.settings().get(XmppProvider.JID);
        }

        ContactAddress address(Client other) {
            return new ContactAddress(config.id(), other.jid());
        }

        ContactAddress address(String jid) {
            return new ContactAddress(config.id(), jid);
        }

        <C extends Capability> C need(Class<C> type) {
            return session.capability(type).orElseThrow(() -> new AssertionError("no " + type.getSimpleName()
                    + "; has " + session.capabilities()));
        }
    }

    AccountConfig newAccount(String prefix) throws Exception {
        return server.newAccount(prefix + USERS.incrementAndGet());
    }

    Client open(AccountConfig config) {
        EventRecorder events = new EventRecorder();
        XmppSession session = (XmppSession) new XmppProvider().open(config, events);
        events.acknowledgeFor(session);
        open.add(session);
        return new Client(config, session, events);
    }

    Client connected(String prefix) throws Exception {
        Client c = open(newAccount(prefix));
        join(c.session().connect());
        return c;
    }

    static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw ProtocolException.from(e.getCause());
        }
    }

    /** Makes two users see each other's presence. */
    static void befriend(Client a, Client b) throws Exception {
        join(a.need(Roster.class).add(a.address(b), b.jid(), Set.of()));
        b.events().await(SubscriptionRequested.class, e -> e.from().equals(b.address(a)), TIMEOUT);
        join(b.need(Roster.class).answerSubscription(b.address(a), true));
        join(b.need(Roster.class).add(b.address(a), a.jid(), Set.of()));
        a.events().await(SubscriptionRequested.class, e -> e.from().equals(a.address(b)), TIMEOUT);
        join(a.need(Roster.class).answerSubscription(a.address(b), true));
        a.events().await(ContactAdded.class, e -> e.entry().address().equals(a.address(b))
                && e.entry().subscription() == Subscription.BOTH, TIMEOUT);
        b.events().await(ContactAdded.class, e -> e.entry().address().equals(b.address(a))
                && e.entry().subscription() == Subscription.BOTH, TIMEOUT);
    }

    /** A plain Smack connection (another client of the same account, or an independent peer), trusting the test CA. */
    XMPPTCPConnection bareSmack(AccountConfig config, String resource) throws Exception {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        try (InputStream in = Files.newInputStream(server.caFile())) {
            anchors.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        String jid = config.settings().get(XmppProvider.JID);
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppAddressAndPassword(jid, config.secret(XmppProvider.PASSWORD).orElseThrow())
                .setResource(resource)
                .setHostAddress(java.net.InetAddress.getLoopbackAddress()).setPort(server.c2sPort())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager((X509TrustManager) factory.getTrustManagers()[0])
                .build());
        c.connect().login();
        open.add(c::disconnect);
        return c;
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing is best effort in tests.
            }
        }
        open.clear();
    }
}
