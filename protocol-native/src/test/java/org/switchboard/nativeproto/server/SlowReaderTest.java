package org.switchboard.nativeproto.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.nativeproto.testing.RawClient;
import org.switchboard.nativeproto.testing.TestServers;

/** A client that stops reading stalls nobody but itself, and is cut; the server still stops. */
class SlowReaderTest {

    private static final int BODY = 32 * 1024;

    @TempDir
    Path data;
    private NativeServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(ServerLimits limits) throws Exception {
        server = TestServers.start(data, limits);
        server.ensureUser("alice", "alice-pw");
        server.ensureUser("stuck", "stuck-pw");
        server.befriend("alice", "stuck");
    }

    private RawClient available(String user) throws Exception {
        RawClient client = new RawClient(server);
        open.add(client);
        client.hello();
        assertThat(Frames.type(client.login(user, user + "-pw"))).isEqualTo("ok");
        assertThat(Frames.type(client.request(Frames.request("presence", "p").put("availability", "online"))))
                .isEqualTo("ok");
        return client;
    }

    /** Alice messages and shows presence to the client that does not read; every answer comes at once. */
    private void flood(RawClient alice, int messages) throws Exception {
        String body = "x".repeat(BODY);
        for (int i = 0; i < messages; i++) {
            long started = System.nanoTime();
            ObjectNode reply = alice.request(Frames.request("message", "m" + i).put("to", "stuck")
                    .put("clientId", "c" + i).put("body", body));
            assertThat(Frames.type(reply)).as(reply.toString()).isIn("ok", "error");
            String availability = i % 2 == 0 ? "away" : "online";
            alice.request(Frames.request("presence", "s" + i).put("availability", availability));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aClientThatDoesNotReadIsCutAndOthersStayResponsive() throws Exception {
        start(ServerLimits.DEFAULTS.withFrameLimits(64 * 1024, 48 * 1024)
                .withWriteLimits(Duration.ofSeconds(1), 512 * 1024)
                .withOfflineLimits(10_000, 1L << 30, 10_000, 1L << 30, Duration.ofDays(1)));
        available("stuck"); // never read again
        RawClient alice = available("alice");
        flood(alice, 300);

        await().atMost(Duration.ofSeconds(15)).until(() -> server.sessionsOf("stuck") == 0);
        await().atMost(Duration.ofSeconds(15)).until(() -> server.openConnections() == 1);
        assertThat(Frames.type(alice.request(Frames.request("ping", "alive")))).isEqualTo("pong");
        assertTimeoutPreemptively(Duration.ofSeconds(10), server::close);
    }

    @Test
    void theServerStopsWhileAWriteIsBlocked() throws Exception {
        // A long write timeout and a large outbox: the stuck connection is still there at close().
        start(ServerLimits.DEFAULTS.withFrameLimits(64 * 1024, 48 * 1024)
                .withWriteLimits(Duration.ofMinutes(5), 64 * 1024 * 1024)
                .withOfflineLimits(10_000, 1L << 30, 10_000, 1L << 30, Duration.ofDays(1)));
        available("stuck");
        RawClient alice = available("alice");
        flood(alice, 300);
        assertThat(server.sessionsOf("stuck")).isEqualTo(1);

        assertTimeoutPreemptively(Duration.ofSeconds(10), server::close);
        assertThat(server.openConnections()).isZero();
    }
}
