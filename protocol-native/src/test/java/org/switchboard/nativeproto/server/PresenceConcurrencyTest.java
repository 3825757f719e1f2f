package org.switchboard.nativeproto.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.nativeproto.testing.RawClient;
import org.switchboard.nativeproto.testing.TestServers;

/** Two connections of one user changing presence at once leave subscribers with the right state. */
class PresenceConcurrencyTest {

    @TempDir
    Path data;

    private static RawClient available(NativeServer server, String user, String availability) throws Exception {
        RawClient client = new RawClient(server);
        client.hello();
        assertThat(Frames.type(client.login(user, user + "-pw"))).isEqualTo("ok");
        client.request(Frames.request("presence", "p").put("availability", availability));
        return client;
    }

    /** Flips between two states, ends in {@code last}; returns once every push it caused is queued. */
    private static CompletableFuture<Void> flip(RawClient client, String one, String other, String last) {
        return CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 150; i++) {
                    client.request(Frames.request("presence", "f" + i).put("availability", i % 2 == 0 ? one : other));
                }
                client.request(Frames.request("presence", "last").put("availability", last));
                client.drain();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theLastPushIsTheUsersBestPresence() throws Exception {
        ServerLimits limits = ServerLimits.DEFAULTS.withFrameRate(10_000, 10_000);
        try (NativeServer server = TestServers.start(data, limits)) {
            server.ensureUser("alice", "alice-pw");
            server.ensureUser("bob", "bob-pw");
            server.befriend("alice", "bob");
            try (RawClient bob = available(server, "bob", "online");
                 RawClient phone = available(server, "alice", "away");
                 RawClient desk = available(server, "alice", "away")) {
                for (int round = 0; round < 5; round++) {
                    String expected = round % 2 == 0 ? "chat" : "online";
                    CompletableFuture.allOf(flip(phone, "do-not-disturb", "extended-away", expected),
                            flip(desk, "away", "chat", "do-not-disturb")).join();
                    List<ObjectNode> pushes = bob.drain().stream()
                            .filter(f -> Frames.type(f).equals("presence") && "alice".equals(f.path("user").asText()))
                            .toList();
                    assertThat(pushes).isNotEmpty();
                    assertThat(pushes.getLast().get("availability").asText()).as("round " + round).isEqualTo(expected);
                }
            }
        }
    }
}
