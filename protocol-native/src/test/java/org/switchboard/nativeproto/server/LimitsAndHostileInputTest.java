package org.switchboard.nativeproto.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.nativeproto.testing.TestServers.join;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.auth.Scram;
import org.switchboard.nativeproto.auth.ScramCredentials;
import org.switchboard.nativeproto.client.NativeProvider;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.nativeproto.testing.RawClient;
import org.switchboard.nativeproto.testing.TestServers;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.ProtocolSession;

/** What a server does with too much, too often, and with input no client would send. */
class LimitsAndHostileInputTest {

    private static final ServerLimits LIMITS = ServerLimits.DEFAULTS
            .withFrameLimits(8 * 1024, 4 * 1024)
            .withFrameRate(5, 10)
            .withLoginFailures(3, 50, Duration.ofMinutes(5))
            .withMaxConnectionsPerUser(2);

    @TempDir
    static Path data;
    private static NativeServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = NativeServer.builder(data).bind(new java.net.InetSocketAddress("127.0.0.1", 0)).limits(LIMITS)
                .scramIterations(Scram.MIN_ITERATIONS).allowRegistration(true).start();
        for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
            server.ensureUser(user, user + "-pw");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private RawClient raw() throws Exception {
        RawClient client = new RawClient(server);
        open.add(client);
        return client;
    }

    private RawClient loggedIn(String user) throws Exception {
        RawClient client = raw();
        client.hello();
        assertThat(Frames.type(client.login(user, user + "-pw"))).isEqualTo("ok");
        return client;
    }

    private ProtocolSession session(String user, String password) {
        ProtocolSession session = new NativeProvider().open(TestServers.account(server, user, password), new EventRecorder());
        open.add(session);
        return session;
    }

    /** The server still logs people in: nothing above broke it. */
    private void serverStillServes() throws Exception {
        join(session("erin", "erin-pw").connect());
    }

    @Test
    void anOversizeFrameGetsAnErrorAndTheConnectionIsClosed() throws Exception {
        RawClient client = loggedIn("alice");
        client.sendRaw(new byte[] {0, 1, 0, 0});
        ObjectNode error = client.read();
        assertThat(error.get("code").asText()).isEqualTo("frame-too-large");
        assertThatThrownBy(client::read).isInstanceOf(IOException.class);
        serverStillServes();
    }

    @Test
    void malformedFramesGetErrorsAndTheConnectionGoesOn() throws Exception {
        RawClient client = loggedIn("alice");
        client.sendRaw(framed("this is not json"));
        assertThat(client.read().get("code").asText()).isEqualTo("bad-frame");
        client.sendRaw(framed("[\"an\",\"array\"]"));
        assertThat(client.read().get("code").asText()).isEqualTo("bad-frame");
        ObjectNode unknown = client.request(Frames.request("teleport", "u1"));
        assertThat(unknown.get("code").asText()).isEqualTo("unknown-type");
        ObjectNode missing = client.request(Frames.request("message", "m1").put("to", "bob"));
        assertThat(missing.get("code").asText()).isEqualTo("invalid-input");
        assertThat(missing.get("message").asText()).contains("clientId");
        ObjectNode nobody = client.request(Frames.request("message", "m2").put("to", "nobody")
                .put("clientId", "c").put("body", "hi"));
        assertThat(nobody.get("code").asText()).isEqualTo("unknown-user");
        ObjectNode tooLong = client.request(Frames.request("message", "m3").put("to", "bob")
                .put("clientId", "c").put("body", "x".repeat(LIMITS.maxBodyBytes() + 1)));
        assertThat(tooLong.get("code").asText()).isEqualTo("body-too-large");
        assertThat(Frames.type(client.request(Frames.request("ping", "p")))).isEqualTo("pong");
    }

    @Test
    void requestsBeforeLoginAreRefused() throws Exception {
        RawClient client = raw();
        assertThat(client.request(Frames.request("auth", "a").put("mechanism", "SCRAM-SHA-256").put("data", "n,,n=a,r=b"))
                .get("message").asText()).contains("hello");
        client.hello();
        assertThat(client.request(Frames.request("roster-get", "r")).get("code").asText()).isEqualTo("not-authenticated");
    }

    @Test
    void anUnsupportedVersionIsRefusedAndClosed() throws Exception {
        RawClient client = raw();
        ObjectNode reply = client.request(Frames.request("hello", "h")
                .set("versions", org.switchboard.nativeproto.codec.FrameReader.Json.MAPPER.createArrayNode().add(99)));
        assertThat(reply.get("code").asText()).isEqualTo("unsupported-version");
        assertThatThrownBy(client::read).isInstanceOf(IOException.class);
    }

    @Test
    void garbageAfterTlsAndGarbageInsteadOfTlsDoNotHurtTheServer() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 5; i++) {
            RawClient client = raw();
            byte[] noise = new byte[4096];
            random.nextBytes(noise);
            noise[0] = 0; // a length under the limit, then garbage for a body
            try {
                client.sendRaw(noise);
                while (true) {
                    client.read();
                }
            } catch (IOException | org.switchboard.nativeproto.codec.FrameException expected) {
                // The server answers with errors and may close; either is fine.
            }
        }
        try (Socket plain = new Socket("127.0.0.1", server.port())) {
            OutputStream out = plain.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            plain.setSoTimeout(10_000);
            assertThat(plain.getInputStream().read(new byte[256])).isNotZero();
        } catch (IOException expected) {
            // The TLS layer refuses and closes.
        }
        serverStillServes();
    }

    @Test
    void tooManyFailedLoginsLockTheAccountButNotOthers() throws Exception {
        for (int i = 0; i < LIMITS.maxFailedLoginsPerUser(); i++) {
            ProtocolSession wrong = session("bob", "not-bobs-password");
            assertThatThrownBy(() -> join(wrong.connect())).isInstanceOfSatisfying(ProtocolException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED));
        }
        ProtocolSession right = session("bob", "bob-pw");
        assertThatThrownBy(() -> join(right.connect())).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(e.getMessage()).contains("too many failed logins").contains("locked-out");
        });
        join(session("carol", "carol-pw").connect());
    }

    @Test
    void floodingIsThrottledWithoutLosingTheConnection() throws Exception {
        RawClient client = loggedIn("dave");
        int frames = LIMITS.frameBurst() + 20;
        for (int i = 0; i < frames; i++) {
            client.send(Frames.request("typing", "t" + i).put("to", "alice").put("state", "composing"));
        }
        int limited = 0;
        for (int i = 0; i < frames; i++) {
            ObjectNode reply = client.read();
            if (Frames.type(reply).equals("error")) {
                assertThat(reply.get("code").asText()).isEqualTo("rate-limited");
                limited++;
            }
        }
        assertThat(limited).isPositive();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> Frames.type(client.request(Frames.request("ping", "p" + System.nanoTime()))).equals("pong"));
    }

    @Test
    void anAccountHasAtMostTheAllowedConnections() throws Exception {
        join(session("carol", "carol-pw").connect());
        join(session("carol", "carol-pw").connect());
        assertThatThrownBy(() -> join(session("carol", "carol-pw").connect()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
    }

    @Test
    void registrationCreatesAnAccountWithoutSendingThePassword() throws Exception {
        RawClient client = raw();
        ObjectNode hello = client.hello();
        assertThat(hello.get("features").toString()).contains("register");
        ScramCredentials keys = Scram.credentials("frank-pw", hello.get("limits").get("scramIterations").asInt());
        ObjectNode register = Frames.request("register", "r1").put("user", "Frank")
                .put("salt", Base64.getEncoder().encodeToString(keys.salt())).put("iterations", keys.iterations())
                .put("storedKey", Base64.getEncoder().encodeToString(keys.storedKey()))
                .put("serverKey", Base64.getEncoder().encodeToString(keys.serverKey()));
        ObjectNode ok = client.request(register);
        assertThat(ok.get("user").asText()).isEqualTo("frank");
        assertThat(client.request(register.put("id", "r2")).get("code").asText()).isEqualTo("user-exists");
        assertThat(client.request(register.put("id", "r3").put("user", "grace").put("iterations", 10))
                .get("code").asText()).isEqualTo("invalid-input");
        // Another count than the server's would tell a login that the name exists (decoys use the server's).
        assertThat(client.request(register.put("id", "r4").put("user", "grace").put("iterations", 5000))
                .get("code").asText()).isEqualTo("invalid-input");
        join(session("frank", "frank-pw").connect());
    }

    private static byte[] framed(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[4 + bytes.length];
        out[3] = (byte) bytes.length;
        System.arraycopy(bytes, 0, out, 4, bytes.length);
        return out;
    }
}
