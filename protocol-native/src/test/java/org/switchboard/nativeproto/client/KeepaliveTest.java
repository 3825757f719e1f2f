package org.switchboard.nativeproto.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.nativeproto.testing.TestServers.join;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.server.NativeServer;
import org.switchboard.nativeproto.testing.TestServers;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.event.ProtocolEvent.ConnectionStateChanged;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.ProtocolSession;

/** A connection that goes silent without closing (a dead route) is noticed by the keepalive. */
class KeepaliveTest {

    @TempDir
    Path data;

    /** Forwards bytes both ways until frozen; then swallows them, as a dead route would. */
    private static final class FreezingProxy implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private volatile boolean frozen;

        FreezingProxy(int targetPort) throws IOException {
            Thread.ofVirtual().start(() -> {
                try (Socket client = listener.accept(); Socket server = new Socket("127.0.0.1", targetPort)) {
                    Thread up = Thread.ofVirtual().start(() -> pump(client, server));
                    pump(server, client);
                    up.join();
                } catch (IOException | InterruptedException e) {
                    // The test is over.
                }
            });
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (!frozen) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // One side closed.
            }
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    @Test
    void anUnansweredKeepaliveFailsTheSessionWithANetworkCause() throws Exception {
        try (NativeServer server = TestServers.start(data)) {
            server.ensureUser("alice", "pw");
            try (FreezingProxy proxy = new FreezingProxy(server.port())) {
                Map<String, String> settings = new HashMap<>(TestServers.account(server, "alice", "pw").settings());
                settings.put(NativeProvider.PORT, Integer.toString(proxy.port()));
                settings.put("keepalive-seconds", "1");
                settings.put("request-timeout-seconds", "1");
                AccountConfig config = new AccountConfig(org.switchboard.protocol.model.AccountId.random(),
                        NativeProvider.ID, settings, Map.of(NativeProvider.PASSWORD, "pw"));
                EventRecorder events = new EventRecorder();
                try (ProtocolSession session = new NativeProvider().open(config, events)) {
                    join(session.connect());
                    proxy.frozen = true;
                    ConnectionStateChanged failed = events.await(ConnectionStateChanged.class,
                            e -> e.state() == ConnectionState.FAILED, Duration.ofSeconds(10));
                    assertThat(failed.cause().reason()).isEqualTo(Reason.NETWORK);
                    assertThat(failed.cause().getMessage()).contains("keepalive");
                }
            }
        }
    }
}
