package org.switchboard.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.xmpp.XmppTestClients.join;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.tls.ClientTls;
import org.switchboard.xmpp.XmppTestClients.Client;
import org.switchboard.xmpp.testing.ProsodyServer;

/** Trust as a user meets it: an unknown certificate, a pin, a certificate for another name, direct TLS, a mute server. */
class XmppTlsTest {

    private static ProsodyServer server;
    private XmppTestClients clients;

    @BeforeAll
    static void start() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void open() {
        clients = new XmppTestClients(server);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    private static AccountConfig with(AccountConfig config, Map<String, String> changes) {
        Map<String, String> settings = new HashMap<>(config.settings());
        changes.forEach((k, v) -> {
            if (v == null) {
                settings.remove(k);
            } else {
                settings.put(k, v);
            }
        });
        return new AccountConfig(config.id(), config.protocolId(), settings, config.secrets());
    }

    @Test
    void anUnknownCertificateIsRefusedWithItsFingerprintAndConnectsOncePinned() throws Exception {
        AccountConfig base = clients.newAccount("tls");
        Map<String, String> noCa = new HashMap<>();
        noCa.put(ClientTls.CA_FILE, null);
        Client stranger = clients.open(with(base, noCa));

        ProtocolException refused = org.junit.jupiter.api.Assertions.assertThrows(ProtocolException.class,
                () -> join(stranger.session().connect()));
        assertThat(refused.reason()).isEqualTo(Reason.UNTRUSTED_CERTIFICATE);
        assertThat(refused.certificate()).isPresent();
        assertThat(refused.certificate().get().sha256Fingerprint()).isEqualTo(server.certificateSha256());
        assertThat(stranger.session().state()).isEqualTo(ConnectionState.FAILED);

        noCa.put(AccountConfig.PINNED_CERTIFICATES, refused.certificate().get().sha256Fingerprint());
        Client pinned = clients.open(with(base, noCa));
        join(pinned.session().connect());
        assertThat(pinned.session().state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefused() throws Exception {
        try (ProsodyServer elsewhere = ProsodyServer.start(List.of("elsewhere.example"))) {
            XmppTestClients other = new XmppTestClients(elsewhere);
            try {
                Client c = other.open(other.newAccount("name"));
                assertThatThrownBy(() -> join(c.session().connect()))
                        .isInstanceOfSatisfying(ProtocolException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_CERTIFICATE));
                assertThat(c.session().state()).isEqualTo(ConnectionState.FAILED);
            } finally {
                other.close();
            }
        }
    }

    @Test
    void directTlsConnects() throws Exception {
        AccountConfig config = with(clients.newAccount("direct"), Map.of(
                XmppProvider.PORT, Integer.toString(server.directTlsPort()), XmppProvider.DIRECT_TLS, "true"));
        Client c = clients.open(config);
        join(c.session().connect());
        assertThat(c.session().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(c.session().capabilities()).contains(org.switchboard.protocol.spi.capability.Messaging.class);
    }

    @Test
    void aServerThatNeverSpeaksTimesOut() throws Exception {
        try (ServerSocket mute = new ServerSocket()) {
            mute.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket s = mute.accept()) {
                    s.getInputStream().readAllBytes();
                } catch (Exception e) {
                    // Closed with the test.
                }
            });
            AccountConfig config = with(clients.newAccount("mute"), Map.of(
                    XmppProvider.PORT, Integer.toString(mute.getLocalPort()), "connect-timeout-seconds", "2"));
            Client c = clients.open(config);
            assertThatThrownBy(() -> join(c.session().connect()))
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.reason()).isIn(Reason.TIMEOUT, Reason.NETWORK));
            acceptor.interrupt();
        }
    }

    @Test
    void aWrongPasswordFailsWithAuthFailed() throws Exception {
        AccountConfig good = clients.newAccount("auth");
        Client c = clients.open(new AccountConfig(good.id(), good.protocolId(), good.settings(),
                Map.of(XmppProvider.PASSWORD, "wrong")));
        assertThatThrownBy(() -> join(c.session().connect()))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED));
    }
}
