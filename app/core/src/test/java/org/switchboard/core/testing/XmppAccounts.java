package org.switchboard.core.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.account.Account;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.xmpp.XmppProvider;
import org.switchboard.xmpp.testing.ProsodyServer;

/** XMPP accounts on a test Prosody: added to a core as the account dialog would, or opened bare. */
public final class XmppAccounts {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private XmppAccounts() {
    }

    /** The values the account dialog would send for this account: settings and secrets together. */
    public static Map<String, String> values(AccountConfig config) {
        Map<String, String> values = new HashMap<>(config.settings());
        values.putAll(config.secrets());
        return values;
    }

    /** Adds the registered account to a core and waits until it is connected. */
    public static Account addConnected(TestCore core, AccountConfig config) {
        Account account = core.core().accounts().add(XmppProvider.ID, config.settings().get(XmppProvider.JID),
                values(config)).join();
        core.awaitState(account, ConnectionState.CONNECTED);
        return account;
    }

    /** A provider session outside any core (another person's client), connected, with its events. */
    public record Bare(AccountConfig config, ProtocolSession session, EventRecorder events) implements AutoCloseable {

        public static Bare connect(ProsodyServer server, String localpart) throws Exception {
            return open(server.newAccount(localpart));
        }

        /** Another client of an existing account, with a resource of its own. */
        public static Bare open(AccountConfig account) throws Exception {
            Map<String, String> settings = new HashMap<>(account.settings());
            settings.put(XmppProvider.RESOURCE, "other-" + java.util.UUID.randomUUID());
            AccountConfig config = new AccountConfig(account.id(), account.protocolId(), settings, account.secrets());
            EventRecorder events = new EventRecorder();
            ProtocolSession session = new XmppProvider().open(config, events);
            events.acknowledgeFor(session);
            join(session.connect());
            return new Bare(config, session, events);
        }

        public String jid() {
            return config.settings().get(XmppProvider.JID);
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (RuntimeException e) {
                // Closing is best effort in tests.
            }
        }
    }

    public static <T> T join(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw ProtocolException.from(e.getCause());
        }
    }

    /**
     * A plain Smack connection for the account (what another client would do beyond the
     * provider's capabilities, such as publishing a picture), trusting the test server's CA.
     */
    public static org.jivesoftware.smack.tcp.XMPPTCPConnection bareSmack(ProsodyServer server, AccountConfig config,
                                                                         String resource) throws Exception {
        java.security.KeyStore anchors = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        anchors.load(null, null);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(server.caFile())) {
            anchors.setCertificateEntry("test-ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        org.jivesoftware.smack.tcp.XMPPTCPConnection c = new org.jivesoftware.smack.tcp.XMPPTCPConnection(
                org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration.builder()
                        .setXmppAddressAndPassword(config.settings().get(XmppProvider.JID),
                                config.secret(XmppProvider.PASSWORD).orElseThrow())
                        .setResource(resource)
                        .setHostAddress(java.net.InetAddress.getLoopbackAddress()).setPort(server.c2sPort())
                        .setSecurityMode(org.jivesoftware.smack.ConnectionConfiguration.SecurityMode.required)
                        .setCustomX509TrustManager((javax.net.ssl.X509TrustManager) factory.getTrustManagers()[0])
                        .build());
        c.connect().login();
        return c;
    }
}
