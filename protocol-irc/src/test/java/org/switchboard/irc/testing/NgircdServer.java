package org.switchboard.irc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.irc.IrcProvider;
import org.switchboard.irc.IrcSettings;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.tls.ClientTls;

/**
 * A private ngircd (Debian {@code ngircd}) on free loopback ports, for tests: TLS with a fresh
 * self-signed certificate for {@code localhost} and {@code 127.0.0.1}, plus a plain port. One per
 * test class is plenty; give each test its own nicks and channels.
 *
 * <pre>{@code
 * try (NgircdServer irc = NgircdServer.start()) {
 *     ProtocolSession s = new IrcProvider().open(irc.account("alice"), listener);
 * }
 * }</pre>
 */
public final class NgircdServer implements AutoCloseable {

    private static final String BINARY = "/usr/sbin/ngircd";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Path folder;
    private final TestCertificate certificate;
    private final int tlsPort;
    private final int plainPort;
    private final String serverPassword;
    private final ServerProcess process;

    private NgircdServer(Path folder, TestCertificate certificate, int tlsPort, int plainPort, String serverPassword,
                         ServerProcess process) {
        this.folder = folder;
        this.certificate = certificate;
        this.tlsPort = tlsPort;
        this.plainPort = plainPort;
        this.serverPassword = serverPassword;
        this.process = process;
    }

    /** Starts a server with no server password and a certificate for localhost and 127.0.0.1. */
    public static NgircdServer start() throws IOException {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a test server. */
    public static final class Builder {
        private String serverPassword;
        private List<String> dnsNames = List.of("localhost");
        private List<String> ipAddresses = List.of("127.0.0.1");

        private Builder() {
        }

        /** Requires this password (IRC {@code PASS}) from every client. */
        public Builder serverPassword(String password) {
            this.serverPassword = password;
            return this;
        }

        /** The names the certificate is made for (to test host-name checks). */
        public Builder certificateNames(List<String> dnsNames, List<String> ipAddresses) {
            this.dnsNames = List.copyOf(dnsNames);
            this.ipAddresses = List.copyOf(ipAddresses);
            return this;
        }

        public NgircdServer start() throws IOException {
            Path folder = Files.createTempDirectory("sb-ngircd-");
            try {
                TestCertificate.readableByAll(folder);
                TestCertificate cert = TestCertificate.create(folder.resolve("tls"), dnsNames, ipAddresses);
                TestCertificate.readableByAll(folder.resolve("tls"));
                Path dh = TestCertificate.dhParameters(folder.resolve("tls"));
                Path includes = Files.createDirectories(folder.resolve("conf.d"));
                TestCertificate.readableByAll(includes);
                int tls = ServerProcess.freePort();
                int plain = ServerProcess.freePort();
                Path config = folder.resolve("ngircd.conf");
                Files.writeString(config, config(plain, tls, cert, dh, includes, folder));
                TestCertificate.readableByAll(config);
                ServerProcess process = new ServerProcess("ngircd",
                        List.of(BINARY, "-n", "-f", config.toString()), folder.resolve("ngircd.log"));
                NgircdServer server = new NgircdServer(folder, cert, tls, plain, serverPassword, process);
                process.start(tls, READY_TIMEOUT);
                return server;
            } catch (IOException | RuntimeException e) {
                ServerProcess.deleteTree(folder);
                throw e;
            }
        }

        private String config(int plain, int tls, TestCertificate cert, Path dh, Path includes, Path folder) {
            // ngircd takes comments only on lines of their own.
            return """
                    [Global]
                    Name = irc.switchboard.test
                    Info = Switchboard test server
                    Listen = 127.0.0.1
                    Ports = %d
                    MotdPhrase = Switchboard test server
                    PidFile = %s
                    %s
                    [Limits]
                    MaxConnectionsIP = 0
                    MaxNickLength = 30
                    MaxPenaltyTime = 0
                    MaxJoins = 0
                    PingTimeout = 120
                    PongTimeout = 60
                    [Options]
                    PAM = no
                    Ident = no
                    DNS = no
                    IncludeDir = %s
                    [SSL]
                    CertFile = %s
                    KeyFile = %s
                    DHFile = %s
                    Ports = %d
                    """.formatted(plain, folder.resolve("ngircd.pid"),
                    serverPassword == null ? "" : "Password = " + serverPassword,
                    includes, cert.certificate(), cert.key(), dh, tls);
        }
    }

    public String host() {
        return "localhost";
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int plainPort() {
        return plainPort;
    }

    /** PEM of the server's certificate, to put in {@link ClientTls#CA_FILE}. */
    public Path caFile() {
        return certificate.certificate();
    }

    /** The password the server requires, or null. */
    public String serverPassword() {
        return serverPassword;
    }

    /**
     * A complete account for provider {@code irc}: TLS on, this server's certificate trusted
     * through {@link ClientTls#CA_FILE}, the server password when the server has one.
     */
    public AccountConfig account(String nick) {
        Map<String, String> settings = new HashMap<>();
        settings.put(IrcSettings.HOST, host());
        settings.put(IrcSettings.PORT, Integer.toString(tlsPort));
        settings.put(IrcSettings.TLS, "true");
        settings.put(IrcSettings.NICK, nick);
        settings.put(IrcSettings.USERNAME, "sb");
        settings.put(IrcSettings.REAL_NAME, "Switchboard test " + nick);
        settings.put(ClientTls.CA_FILE, caFile().toString());
        Map<String, String> secrets = serverPassword == null ? Map.of()
                : Map.of(IrcSettings.SERVER_PASSWORD, serverPassword);
        return new AccountConfig(AccountId.random(), IrcProvider.ID, settings, secrets);
    }

    /** Stops the server and starts it again on the same ports (connections drop; clients rejoin). */
    public void restart() throws IOException {
        process.stop();
        process.start(tlsPort, READY_TIMEOUT);
    }

    /** The server's log so far, for failure messages. */
    public String log() {
        return process.tail();
    }

    @Override
    public void close() {
        process.stop();
        ServerProcess.deleteTree(folder);
    }

}
