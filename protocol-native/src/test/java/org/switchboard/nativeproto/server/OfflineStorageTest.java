package org.switchboard.nativeproto.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

/** What the server stores for absent users, what receipts it passes on, and answers that would not fit. */
class OfflineStorageTest {

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

    private void start(ServerLimits limits, String... users) throws Exception {
        server = TestServers.start(data, limits);
        for (String user : users) {
            server.ensureUser(user, user + "-pw");
        }
    }

    private RawClient loggedIn(String user) throws Exception {
        RawClient client = new RawClient(server);
        open.add(client);
        client.hello();
        assertThat(Frames.type(client.login(user, user + "-pw"))).isEqualTo("ok");
        return client;
    }

    /** Becomes available and returns everything the catch-up pushed. */
    private static List<ObjectNode> catchUp(RawClient client) throws Exception {
        client.request(Frames.request("presence", "p").put("availability", "online"));
        return client.drain();
    }

    private static ObjectNode message(RawClient from, String to, String clientId, String body) throws Exception {
        return from.request(Frames.request("message", "m-" + clientId).put("to", to).put("clientId", clientId)
                .put("body", body));
    }

    private static String code(ObjectNode reply) {
        return Frames.type(reply).equals("error") ? reply.get("code").asText() : Frames.type(reply);
    }

    @Test
    void storageIsCappedPerSenderAndPerRecipientInCountAndBytes() throws Exception {
        start(ServerLimits.DEFAULTS.withOfflineLimits(5, 1 << 20, 3, 10_000, Duration.ofDays(1)),
                "alice", "bob", "carol", "dave", "erin");
        RawClient alice = loggedIn("alice");
        RawClient carol = loggedIn("carol");
        for (int i = 0; i < 3; i++) {
            assertThat(code(message(alice, "bob", "a" + i, "hi"))).isEqualTo("ok");
        }
        ObjectNode full = message(alice, "bob", "a3", "hi");
        assertThat(code(full)).isEqualTo("queue-full");
        assertThat(full.get("message").asText()).contains("from you");
        assertThat(code(message(carol, "bob", "c0", "hi"))).isEqualTo("ok");
        assertThat(code(message(carol, "bob", "c1", "hi"))).isEqualTo("ok");
        assertThat(code(message(carol, "bob", "c2", "hi"))).isEqualTo("queue-full");

        RawClient dave = loggedIn("dave");
        String body = "x".repeat(4000);
        assertThat(code(message(dave, "erin", "d0", body))).isEqualTo("ok");
        assertThat(code(message(dave, "erin", "d1", body))).isEqualTo("ok");
        assertThat(code(message(dave, "erin", "d2", body))).isEqualTo("queue-full");
    }

    @Test
    void aLongQueueArrivesWholeAndInOrder() throws Exception {
        int count = MessageHandler.CATCH_UP_PAGE * 2 + 50;
        start(ServerLimits.DEFAULTS.withFrameRate(10_000, 10_000), "alice", "bob");
        RawClient alice = loggedIn("alice");
        for (int i = 0; i < count; i++) {
            alice.send(Frames.request("message", "m" + i).put("to", "bob").put("clientId", "c" + i).put("body", "n" + i));
        }
        alice.drain();
        List<String> bodies = catchUp(loggedIn("bob")).stream().filter(f -> Frames.type(f).equals("message"))
                .map(f -> f.get("body").asText()).toList();
        assertThat(bodies).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(bodies.get(i)).isEqualTo("n" + i);
        }
    }

    @Test
    void queuedMessagesExpire() throws Exception {
        start(ServerLimits.DEFAULTS.withOfflineLimits(100, 1 << 20, 100, 1 << 20, Duration.ofSeconds(1)),
                "alice", "bob");
        assertThat(code(message(loggedIn("alice"), "bob", "old", "soon gone"))).isEqualTo("ok");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
            try (RawClient bob = new RawClient(server)) {
                bob.hello();
                bob.login("bob", "bob-pw");
                return catchUp(bob).stream().noneMatch(f -> Frames.type(f).equals("message"));
            }
        });
    }

    @Test
    void aSubscriptionRequestTextIsLimited() throws Exception {
        start(ServerLimits.DEFAULTS, "alice", "bob");
        RawClient alice = loggedIn("alice");
        ObjectNode tooLong = alice.request(Frames.request("contact-add", "c").put("user", "bob")
                .put("text", "x".repeat(RosterHandler.MAX_REQUEST_TEXT + 1)));
        assertThat(code(tooLong)).isEqualTo("invalid-input");
        assertThat(code(alice.request(Frames.request("contact-add", "c2").put("user", "bob").put("text", "hi"))))
                .isEqualTo("ok");
    }

    @Test
    void aMessageToOneselfIsRefused() throws Exception {
        start(ServerLimits.DEFAULTS, "alice");
        ObjectNode reply = message(loggedIn("alice"), "Alice", "self", "note to self");
        assertThat(code(reply)).isEqualTo("invalid-input");
    }

    @Test
    void onlyReceiptsForMessagesReallySentArePassedOnAndTheyCountAgainstTheCaps() throws Exception {
        start(ServerLimits.DEFAULTS.withOfflineLimits(100, 1 << 20, 3, 1 << 20, Duration.ofDays(1)),
                "alice", "bob", "mallory");
        RawClient mallory = loggedIn("mallory");
        ObjectNode forged = mallory.request(Frames.request("receipt", "f").put("kind", "read").put("to", "alice")
                .put("clientId", "whatever").put("serverId", "made-up"));
        assertThat(code(forged)).isEqualTo("unknown-message");

        RawClient alice = loggedIn("alice");
        List<String> serverIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            serverIds.add(message(alice, "bob", "c" + i, "hello " + i).get("serverId").asText());
        }
        alice.close();
        RawClient bob = loggedIn("bob");
        assertThat(catchUp(bob).stream().filter(f -> Frames.type(f).equals("message"))).hasSize(3);
        // Mallory cannot acknowledge or mark read what alice sent bob.
        assertThat(code(mallory.request(Frames.request("receipt", "f2").put("kind", "read").put("to", "alice")
                .put("clientId", "c0").put("serverId", serverIds.get(0))))).isEqualTo("unknown-message");
        for (int i = 0; i < 3; i++) {
            assertThat(code(bob.request(Frames.request("receipt", "d" + i).put("kind", "delivered").put("to", "alice")
                    .put("clientId", "c" + i).put("serverId", serverIds.get(i))))).isEqualTo("ok");
        }
        // Alice is away: three receipts wait for her, the most bob may store for her.
        assertThat(code(bob.request(Frames.request("receipt", "r0").put("kind", "read").put("to", "alice")
                .put("clientId", "c0").put("serverId", serverIds.get(0))))).isEqualTo("queue-full");

        List<ObjectNode> receipts = catchUp(loggedIn("alice")).stream()
                .filter(f -> Frames.type(f).equals("receipt")).toList();
        assertThat(receipts).hasSize(3).allSatisfy(r -> assertThat(r.get("from").asText()).isEqualTo("bob"));
    }

    @Test
    void aLargeRosterComesInPagesThatEachFitAFrame() throws Exception {
        ServerLimits limits = ServerLimits.DEFAULTS.withFrameLimits(8 * 1024, 4 * 1024);
        start(limits, "alice", "p1", "p2", "p3", "p4", "p5");
        RawClient alice = loggedIn("alice");
        for (int p = 1; p <= 5; p++) {
            ArrayNode groups = org.switchboard.nativeproto.codec.FrameReader.Json.MAPPER.createArrayNode();
            for (int g = 0; g < 30; g++) {
                groups.add(("group-" + g + "-").repeat(30).substring(0, 200));
            }
            ObjectNode add = Frames.request("contact-add", "c" + p).put("user", "p" + p);
            add.set("groups", groups);
            assertThat(code(alice.request(add))).isEqualTo("ok");
        }
        List<String> peers = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ObjectNode get = Frames.request("roster-get", "g" + pages);
            if (after != null) {
                get.put("after", after);
            }
            ObjectNode page = alice.request(get);
            assertThat(Frames.type(page)).isEqualTo("ok");
            for (JsonNode contact : page.get("contacts")) {
                peers.add(contact.get("user").asText());
            }
            after = page.has("next") ? page.get("next").asText() : null;
            pages++;
        } while (after != null);
        assertThat(peers).containsExactly("p1", "p2", "p3", "p4", "p5");
        assertThat(pages).isGreaterThan(1);
    }
}
