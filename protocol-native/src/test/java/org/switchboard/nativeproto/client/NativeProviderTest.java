package org.switchboard.nativeproto.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.nativeproto.testing.TestServers.join;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.event.ProtocolEvent.ConnectionStateChanged;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.EmbeddedServer;
import org.switchboard.protocol.spi.EmbeddedServerProvider;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.SpiVersion;

/** How the app finds and uses the provider, and how connecting fails. */
class NativeProviderTest {

    @TempDir
    Path data;

    private static AccountConfig account(int port, Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(NativeProvider.HOST, "127.0.0.1",
                NativeProvider.PORT, Integer.toString(port), NativeProvider.USERNAME, "alice"));
        settings.putAll(extra);
        return new AccountConfig(AccountId.random(), NativeProvider.ID, settings, Map.of(NativeProvider.PASSWORD, "pw"));
    }

    @Test
    void theAppFindsTheProviderAndTheEmbeddedServerByServiceLoader() throws Exception {
        ProtocolProvider provider = ServiceLoader.load(ProtocolProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("native")).findFirst().orElseThrow();
        assertThat(SpiVersion.isCompatible(provider.spiVersion())).isTrue();
        EmbeddedServerProvider servers = ServiceLoader.load(EmbeddedServerProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.protocolId().equals("native")).findFirst().orElseThrow();

        try (EmbeddedServer server = servers.start(data, new InetSocketAddress("127.0.0.1", 0))) {
            server.ensureUser("alice", "pw");
            Map<String, String> settings = server.accountSettings("alice");
            assertThat(settings).containsEntry(AccountConfig.PINNED_CERTIFICATES, server.certificateSha256())
                    .containsEntry(NativeProvider.PORT, Integer.toString(server.address().getPort()));
            AccountConfig config = new AccountConfig(AccountId.random(), "native", settings, Map.of("password", "pw"));
            assertThat(provider.accountSchema().validate(Map.of("host", "127.0.0.1", "port", settings.get("port"),
                    "username", "alice", "password", "pw"))).isEmpty();
            try (ProtocolSession session = provider.open(config, new EventRecorder())) {
                join(session.connect());
                assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
            }
        }
    }

    @Test
    void theSchemaAndLabelsComeInThreeLanguages() {
        NativeProvider provider = new NativeProvider();
        assertThat(provider.accountSchema().handleKey()).isEqualTo("username");
        assertThat(provider.accountSchema().fields()).extracting(f -> f.key())
                .containsExactly("host", "port", "username", "password");
        assertThat(provider.accountSchema().field("password").orElseThrow().secret()).isTrue();
        assertThat(provider.accountSchema().field("port").orElseThrow().defaultValue()).isEqualTo("5290");
        assertThat(provider.displayName(Locale.ENGLISH)).isEqualTo("Switchboard");
        assertThat(provider.messages(Locale.SIMPLIFIED_CHINESE).getString("password")).isEqualTo("密码");
        assertThat(provider.messages(Locale.TRADITIONAL_CHINESE).getString("password")).isEqualTo("密碼");
        assertThat(provider.displayName(Locale.TRADITIONAL_CHINESE)).contains("網路");
    }

    @Test
    void nothingListeningFailsAsNetwork() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        EventRecorder events = new EventRecorder();
        try (ProtocolSession session = new NativeProvider().open(account(port, Map.of()), events)) {
            assertThatThrownBy(() -> join(session.connect())).isInstanceOfSatisfying(ProtocolException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.NETWORK));
            events.await(ConnectionStateChanged.class, e -> e.state() == ConnectionState.FAILED
                    && e.cause().reason() == Reason.NETWORK, java.time.Duration.ofSeconds(5));
        }
    }

    @Test
    void aServerThatNeverAnswersFailsAsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket accepted = silent.accept()) {
                    accepted.getInputStream().read(new byte[1 << 16]);
                    accepted.getInputStream().read();
                } catch (java.io.IOException e) {
                    // The test is over.
                }
            });
            try (ProtocolSession session = new NativeProvider().open(
                    account(silent.getLocalPort(), Map.of("request-timeout-seconds", "1")), new EventRecorder())) {
                assertThatThrownBy(() -> join(session.connect())).isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
                assertThat(session.state()).isEqualTo(ConnectionState.FAILED);
            }
        }
    }

    @Test
    void capabilitiesAreEmptyBeforeTheFirstLogin() {
        try (ProtocolSession session = new NativeProvider().open(account(1, Map.of()), new EventRecorder())) {
            assertThat(session.capabilities()).isEmpty();
            assertThat(session.state()).isEqualTo(ConnectionState.DISCONNECTED);
        }
    }
}
