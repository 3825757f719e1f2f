package org.switchboard.nativeproto.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.nativeproto.testing.TestServers.join;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.client.NativeProvider;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolSession;

/** The standalone server as an operator uses it: adduser, then serve in its own process. */
class NativeServerCliTest {

    private static final Pattern LISTENING = Pattern.compile("Listening on .*:(\\d+) .*SHA-256 ([0-9A-F:]+)");

    @TempDir
    Path data;

    private int withStdin(String input, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return NativeServerCli.run(args);
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void adduserThenServeThenAClientLogsIn() throws Exception {
        assertThat(withStdin("first-pw\n", "adduser", "--data", data.toString(), "zoe")).isZero();
        assertThat(withStdin("again\n", "adduser", "--data", data.toString(), "zoe")).isEqualTo(1);
        assertThat(withStdin("zoe-pw\n", "passwd", "--data", data.toString(), "zoe")).isZero();
        assertThat(withStdin("pw\n", "passwd", "--data", data.toString(), "nobody")).isEqualTo(1);

        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(List.of(javaBinary, "-cp", System.getProperty("java.class.path"),
                NativeServerCli.class.getName(), "serve", "--data", data.toString(), "--port", "0", "--bind", "127.0.0.1"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).isNotNull();
            Matcher m = LISTENING.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            String pin = m.group(2).replace(":", "").toLowerCase(java.util.Locale.ROOT);

            AccountConfig zoe = new AccountConfig(AccountId.random(), NativeProvider.ID, Map.of(
                    NativeProvider.HOST, "127.0.0.1", NativeProvider.PORT, m.group(1), NativeProvider.USERNAME, "zoe",
                    AccountConfig.PINNED_CERTIFICATES, pin), Map.of(NativeProvider.PASSWORD, "zoe-pw"));
            try (ProtocolSession session = new NativeProvider().open(zoe, new EventRecorder())) {
                join(session.connect());
                assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
            }
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void helpNamesTheCommands() {
        java.io.StringWriter text = new java.io.StringWriter();
        new picocli.CommandLine(new NativeServerCli()).usage(new java.io.PrintWriter(text));
        assertThat(text.toString()).contains("serve", "adduser", "passwd");
    }
}
