package org.switchboard.xmpp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.tls.Certificates;
import org.switchboard.protocol.tls.ClientTls;
import org.switchboard.xmpp.XmppProvider;

/**
 * A private Prosody (Debian's {@code prosody} package) for tests: its own temporary folder, free
 * loopback ports, the domain {@value #DEFAULT_DOMAIN} reached through the account's host setting,
 * a self-signed certificate, a multi-user chat service with an archive, and the modules a modern
 * client expects (MAM, carbons, stream management, blocking, bookmarks, vCard, PEP).
 *
 * <p>A machine without Prosody makes {@link #start()} fail with a clear message: the tests that
 * need it fail rather than skip.
 */
public final class ProsodyServer implements AutoCloseable {

    public static final String DEFAULT_DOMAIN = "chat.test";
    private static final String PROSODY = "/usr/bin/prosody";
    private static final String PROSODYCTL = "/usr/bin/prosodyctl";

    private final Path dir;
    private final String domain;
    private final int c2sPort;
    private final int directTlsPort;
    private final Process process;
    private final Path config;
    // A JVM that ends without close() (a stopped benchmark) must not leave Prosody behind.
    private final Thread stopAtExit = new Thread(this::stop, "prosody-stop");

    private ProsodyServer(Path dir, String domain, int c2sPort, int directTlsPort, Process process, Path config) {
        this.dir = dir;
        this.domain = domain;
        this.c2sPort = c2sPort;
        this.directTlsPort = directTlsPort;
        this.process = process;
        this.config = config;
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts a server whose certificate names the domain, its subdomains, localhost and 127.0.0.1. */
    public static ProsodyServer start() throws IOException {
        return start(List.of(DEFAULT_DOMAIN, "*." + DEFAULT_DOMAIN, "localhost"));
    }

    /**
     * Starts a server whose certificate names only {@code certificateNames} (DNS names), to test
     * what a client does with a certificate for another name.
     */
    public static ProsodyServer start(List<String> certificateNames) throws IOException {
        if (!Files.isExecutable(Path.of(PROSODY)) || !Files.isExecutable(Path.of(PROSODYCTL))) {
            throw new IOException("Prosody is not installed (" + PROSODY + "); run scripts/install-test-deps");
        }
        Path dir = Files.createTempDirectory("switchboard-prosody-");
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("certs"));
        String domain = DEFAULT_DOMAIN;
        writeCertificate(dir, certificateNames);
        int c2s = freePort();
        int directTls = freePort();
        Path config = dir.resolve("prosody.cfg.lua");
        Files.writeString(config, ProsodyConfig.render(dir, domain, c2s, directTls), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(PROSODY, "--config", config.toString(), "-F")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prosody.log").toFile()).start();
        ProsodyServer server = new ProsodyServer(dir, domain, c2s, directTls, process, config);
        try {
            server.awaitReady();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static void writeCertificate(Path dir, List<String> names) throws IOException {
        StringBuilder san = new StringBuilder("subjectAltName=");
        for (String name : names) {
            san.append("DNS:").append(name).append(',');
        }
        san.append("IP:127.0.0.1");
        run(dir, List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650",
                "-keyout", dir.resolve("certs/server.key").toString(),
                "-out", dir.resolve("certs/server.crt").toString(),
                "-subj", "/CN=" + names.getFirst().replace("*.", "wildcard."), "-addext", san.toString()));
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Prosody exited with " + process.exitValue() + ": " + log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", c2sPort), 200);
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(25, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while Prosody started", e);
                }
            }
        }
        throw new IOException("Prosody did not accept connections within 20 s: " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static String run(Path dir, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command.subList(0, 2)) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The XMPP domain of every account (reached at 127.0.0.1 through the account's host setting). */
    public String domain() {
        return domain;
    }

    /** The client port (STARTTLS). */
    public int c2sPort() {
        return c2sPort;
    }

    /** The client port that speaks TLS from the first byte (XEP-0368). */
    public int directTlsPort() {
        return directTlsPort;
    }

    /** The server's self-signed certificate, which tests trust as a private authority. */
    public Path caFile() {
        return dir.resolve("certs/server.crt");
    }

    /** SHA-256 fingerprint (lower-case hex) of the server's certificate, as a user would pin it. */
    public String certificateSha256() {
        try {
            List<X509Certificate> certs = Certificates.read(caFile());
            return Certificates.sha256(certs.getFirst());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The conference (multi-user chat) service. */
    public String conferenceDomain() {
        return "conference." + domain;
    }

    /** Creates the user (or sets the password of an existing one). */
    public void register(String localpart, String password) throws IOException {
        run(dir, List.of(PROSODYCTL, "--config", config.toString(), "register", localpart, domain, password));
    }

    /**
     * Registers {@code localpart} with a fresh password and returns a complete account for the
     * provider {@code xmpp}: STARTTLS on the c2s port of 127.0.0.1, trusting this server's
     * certificate through {@link ClientTls#CA_FILE}.
     */
    public AccountConfig newAccount(String localpart) throws IOException {
        String password = "pw-" + localpart + "-秘密";
        register(localpart, password);
        return new AccountConfig(AccountId.random(), XmppProvider.ID, Map.of(
                XmppProvider.JID, localpart + "@" + domain,
                XmppProvider.HOST, "127.0.0.1",
                XmppProvider.PORT, Integer.toString(c2sPort),
                ClientTls.CA_FILE, caFile().toString()),
                Map.of(XmppProvider.PASSWORD, password));
    }

    /** The server's log so far (for failure messages). */
    public String log() {
        try {
            return Files.readString(dir.resolve("prosody.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs stop() itself.
        }
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
