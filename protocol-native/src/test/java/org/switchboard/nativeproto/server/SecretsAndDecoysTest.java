package org.switchboard.nativeproto.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.auth.ScramClient;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.nativeproto.testing.RawClient;
import org.switchboard.nativeproto.testing.TestServers;

/** Files other local users must not read, and logins that must not tell which names exist. */
class SecretsAndDecoysTest {

    private static final Pattern CHALLENGE = Pattern.compile("s=([^,]+),i=(\\d+)");

    @TempDir
    Path temp;

    /** Salt and iteration count a login for {@code user} is answered with. */
    private static String[] challenge(NativeServer server, String user) throws Exception {
        try (RawClient client = new RawClient(server)) {
            client.hello();
            ObjectNode reply = client.request(Frames.request("auth", "a").put("mechanism", "SCRAM-SHA-256")
                    .put("data", new ScramClient(user, "whatever").clientFirst()));
            Matcher m = CHALLENGE.matcher(reply.get("data").asText());
            assertThat(m.find()).isTrue();
            return new String[] {m.group(1), m.group(2)};
        }
    }

    @Test
    void theDataFolderAndItsSecretsAreOwnerOnly() throws Exception {
        Path data = temp.resolve("server-data");
        try (NativeServer server = TestServers.start(data)) {
            server.ensureUser("alice", "alice-pw");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        for (String file : new String[] {NativeServer.DATABASE_FILE, ServerCertificate.KEYSTORE_FILE,
                ServerCertificate.PASSWORD_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
    }

    @Test
    void anUnknownNameGetsTheSameSaltAfterARestartAndLooksLikeARealOne() throws Exception {
        Path data = temp.resolve("d");
        String[] ghostBefore;
        String[] real;
        try (NativeServer server = TestServers.start(data)) {
            server.ensureUser("alice", "alice-pw");
            ghostBefore = challenge(server, "ghost");
            real = challenge(server, "alice");
        }
        try (NativeServer server = TestServers.start(data)) {
            assertThat(challenge(server, "ghost")).containsExactly(ghostBefore);
            assertThat(challenge(server, "alice")).containsExactly(real);
        }
        assertThat(ghostBefore[1]).isEqualTo(real[1]);
        assertThat(java.util.Base64.getDecoder().decode(ghostBefore[0]))
                .hasSameSizeAs(java.util.Base64.getDecoder().decode(real[0]));
    }

    @Test
    void theCommandLineSetsPasswordsWithTheServersIterationCount() throws Exception {
        Path data = temp.resolve("cli");
        NativeServer.builder(data).bind(new java.net.InetSocketAddress("127.0.0.1", 0)).scramIterations(5000)
                .start().close();
        assertThat(NativeServer.setPassword(data, "zed", "zed-pw", true)).isTrue();
        try (NativeServer server = NativeServer.builder(data).bind(new java.net.InetSocketAddress("127.0.0.1", 0))
                .scramIterations(5000).start()) {
            assertThat(challenge(server, "zed")[1]).isEqualTo("5000");
            assertThat(challenge(server, "nobody-here")[1]).isEqualTo("5000");
        }
        assertThat(NativeServer.DEFAULT_SCRAM_ITERATIONS).isGreaterThanOrEqualTo(100_000);
    }
}
