package org.switchboard.nativeproto.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.nativeproto.testing.TestServers.join;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.server.NativeServer;
import org.switchboard.nativeproto.testing.TestCa;
import org.switchboard.nativeproto.testing.TestServers;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.tls.ClientTls;

/** Trust as a user meets it: a private CA, an unknown certificate, a pin, a wrong name. */
class TlsTrustTest {

    private static final char[] STORE_PASSWORD = "store-secret".toCharArray();

    @TempDir
    Path dir;
    private NativeServer server;
    private ProtocolSession session;

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private NativeServer startWith(Path keyStore) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        server = NativeServer.builder(data).bind(new InetSocketAddress("127.0.0.1", 0))
                .keyStore(keyStore, STORE_PASSWORD).start();
        server.ensureUser("alice", "pw");
        return server;
    }

    private AccountConfig account(String host, Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(NativeProvider.HOST, host,
                NativeProvider.PORT, Integer.toString(server.port()), NativeProvider.USERNAME, "alice"));
        settings.putAll(extra);
        return new AccountConfig(AccountId.random(), NativeProvider.ID, settings, Map.of(NativeProvider.PASSWORD, "pw"));
    }

    private void connect(AccountConfig config) throws Exception {
        session = new NativeProvider().open(config, new EventRecorder());
        join(session.connect());
    }

    @Test
    void aServerCertificateSignedByTheAccountsCaIsTrusted() throws Exception {
        TestCa ca = new TestCa();
        startWith(ca.serverKeyStore(dir.resolve("server.p12"), STORE_PASSWORD, "localhost", "127.0.0.1"));
        Path caFile = ca.writePem(dir.resolve("ca.pem"));

        connect(account("127.0.0.1", Map.of(ClientTls.CA_FILE, caFile.toString())));
        assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aCertificateForAnotherNameIsRefusedEvenFromTheTrustedCa() throws Exception {
        TestCa ca = new TestCa();
        startWith(ca.serverKeyStore(dir.resolve("server.p12"), STORE_PASSWORD, "elsewhere.example"));
        Path caFile = ca.writePem(dir.resolve("ca.pem"));

        assertThatThrownBy(() -> connect(account("127.0.0.1", Map.of(ClientTls.CA_FILE, caFile.toString()))))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_CERTIFICATE);
                    assertThat(e.certificate()).isPresent();
                });
        assertThat(session.state()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void anUnknownSelfSignedCertificateIsRefusedNamingItsFingerprintAndPinningItConnects() throws Exception {
        server = TestServers.start(Files.createDirectories(dir.resolve("data")));
        server.ensureUser("alice", "pw");

        ProtocolException refused = org.junit.jupiter.api.Assertions.assertThrows(ProtocolException.class,
                () -> connect(account("localhost", Map.of())));
        assertThat(refused.reason()).isEqualTo(Reason.UNTRUSTED_CERTIFICATE);
        String fingerprint = refused.certificate().orElseThrow().sha256Fingerprint();
        assertThat(fingerprint).isEqualTo(server.certificateSha256());
        session.close();

        connect(account("localhost", Map.of(AccountConfig.PINNED_CERTIFICATES, fingerprint)));
        assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aSelfSignedCertificateNamesLocalhostAndTheLoopbackAddress() throws Exception {
        server = TestServers.start(Files.createDirectories(dir.resolve("data")));
        var names = server.certificate().getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
        assertThat(names).contains("localhost", "127.0.0.1");
    }
}
