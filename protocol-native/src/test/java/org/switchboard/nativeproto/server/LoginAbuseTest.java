package org.switchboard.nativeproto.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.auth.Scram;
import org.switchboard.nativeproto.auth.ScramClient;
import org.switchboard.nativeproto.auth.ScramCredentials;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.nativeproto.testing.RawClient;
import org.switchboard.nativeproto.testing.TestServers;

/** What a client may do before it logs in: guess passwords in parallel, linger, flood, hoard sockets. */
class LoginAbuseTest {

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

    private void start(ServerLimits limits, boolean registration) throws Exception {
        server = NativeServer.builder(data).bind(new java.net.InetSocketAddress("127.0.0.1", 0)).limits(limits)
                .scramIterations(Scram.MIN_ITERATIONS).allowRegistration(registration).start();
        server.ensureUser("bob", "bob-pw");
    }

    private RawClient raw(String localAddress) throws Exception {
        RawClient client = new RawClient(server, localAddress);
        open.add(client);
        return client;
    }

    private static ObjectNode auth(RawClient client, ScramClient scram, String id) throws Exception {
        return client.request(Frames.request("auth", id).put("mechanism", "SCRAM-SHA-256").put("data", scram.clientFirst()));
    }

    @Test
    void parallelExchangesCannotOutnumberTheFailureLimit() throws Exception {
        start(ServerLimits.DEFAULTS.withLoginFailures(3, 50, Duration.ofMinutes(5)), false);
        List<RawClient> clients = new ArrayList<>();
        List<ScramClient> scrams = new ArrayList<>();
        List<ObjectNode> challenges = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RawClient client = raw(null);
            client.hello();
            ScramClient scram = new ScramClient("bob", "guess-" + i);
            ObjectNode reply = auth(client, scram, "a" + i);
            if (Frames.type(reply).equals("auth-challenge")) {
                clients.add(client);
                scrams.add(scram);
                challenges.add(reply);
            } else {
                assertThat(reply.get("code").asText()).isEqualTo("locked-out");
            }
        }
        assertThat(challenges).hasSizeLessThanOrEqualTo(3);
        for (int i = 0; i < clients.size(); i++) {
            ObjectNode reply = clients.get(i).request(Frames.request("auth-response", "r" + i)
                    .put("data", scrams.get(i).clientFinal(challenges.get(i).get("data").asText())));
            assertThat(reply.get("code").asText()).isEqualTo("auth-failed");
        }
        // Locked now: every exchange is refused, the right password included.
        for (int i = 0; i < 5; i++) {
            RawClient client = raw(null);
            client.hello();
            assertThat(client.login("bob", "bob-pw").get("code").asText()).isEqualTo("locked-out");
        }
    }

    @Test
    void aClientMustLogInWithinTheDeadlineHoweverOftenItPings() throws Exception {
        start(ServerLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(120), Duration.ofSeconds(1)), false);
        RawClient client = raw(null);
        client.hello();
        AtomicReference<String> code = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200)).until(() -> {
            client.send(Frames.request("ping", "p" + System.nanoTime()));
            ObjectNode reply = client.read();
            if (Frames.type(reply).equals("error")) {
                code.set(reply.get("code").asText());
            }
            return code.get() != null;
        });
        assertThat(code.get()).isEqualTo("idle-timeout");
        assertThatThrownBy(() -> {
            while (true) {
                client.read();
            }
        }).isInstanceOf(IOException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 0);
    }

    @Test
    void connectionsAreCappedPerAddressAndInAll() throws Exception {
        start(ServerLimits.DEFAULTS.withConnectionCaps(3, 2), false);
        RawClient first = raw(null);
        raw(null);
        assertThatThrownBy(() -> raw(null).hello()).isInstanceOf(IOException.class);
        raw("127.0.0.2");
        assertThatThrownBy(() -> raw("127.0.0.2").hello()).isInstanceOf(IOException.class);

        first.close();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> Frames.type(raw(null).hello()).equals("hello"));
    }

    @Test
    void framesBeforeLoginAreRateLimitedAndRegistrationsMoreSo() throws Exception {
        start(ServerLimits.DEFAULTS.withPreLoginRate(0.5, 5, 2), true);
        RawClient client = raw(null);
        client.hello();
        for (int i = 0; i < 10; i++) {
            client.send(Frames.request("ping", "p" + i));
        }
        int limited = 0;
        for (int i = 0; i < 10; i++) {
            ObjectNode reply = client.read();
            if (Frames.type(reply).equals("error")) {
                assertThat(reply.get("code").asText()).isEqualTo("rate-limited");
                limited++;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(5);

        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RawClient registrar = raw(null);
            ObjectNode hello = registrar.hello();
            ScramCredentials keys = Scram.credentials("pw", hello.get("limits").get("scramIterations").asInt());
            ObjectNode reply = registrar.request(Frames.request("register", "r").put("user", "newbie" + i)
                    .put("salt", Base64.getEncoder().encodeToString(keys.salt())).put("iterations", keys.iterations())
                    .put("storedKey", Base64.getEncoder().encodeToString(keys.storedKey()))
                    .put("serverKey", Base64.getEncoder().encodeToString(keys.serverKey())));
            codes.add(Frames.type(reply).equals("ok") ? "ok" : reply.get("code").asText());
        }
        assertThat(codes).containsExactly("ok", "ok", "rate-limited");
    }

    @Test
    void aConnectionClosedDuringLoginDoesNotKeepASlot() throws Exception {
        start(ServerLimits.DEFAULTS.withMaxConnectionsPerUser(2), false);
        for (int i = 0; i < 20; i++) {
            RawClient client = raw(null);
            client.hello();
            ScramClient scram = new ScramClient("bob", "bob-pw");
            ObjectNode challenge = auth(client, scram, "a");
            client.send(Frames.request("auth-response", "r").put("data", scram.clientFinal(challenge.get("data").asText())));
            client.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.sessionsOf("bob") == 0);
        for (int i = 0; i < 2; i++) {
            RawClient client = raw(null);
            client.hello();
            assertThat(Frames.type(client.login("bob", "bob-pw"))).isEqualTo("ok");
        }
    }
}
