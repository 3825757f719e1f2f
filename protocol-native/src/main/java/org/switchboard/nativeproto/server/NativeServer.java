package org.switchboard.nativeproto.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocket;
import org.switchboard.nativeproto.auth.Scram;
import org.switchboard.nativeproto.codec.ErrorCode;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.tls.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native protocol's server: TLS on one port, a data folder with its SQLite database and
 * certificate. Embeddable (the app starts one for a demo or a LAN) and standalone (the CLI).
 *
 * <pre>{@code
 * try (NativeServer server = NativeServer.builder(dataDir).port(5290).start()) {
 *     server.ensureUser("alice", "secret");
 * }
 * }</pre>
 */
public final class NativeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NativeServer.class);
    static final String DATABASE_FILE = "switchboard-native.db";
    /**
     * PBKDF2 iterations for passwords the server sets, unless the builder says otherwise: what a
     * stolen database costs to attack. An embedded server whose passwords are long random strings
     * may use {@link Scram#MIN_ITERATIONS}.
     */
    public static final int DEFAULT_SCRAM_ITERATIONS = 100_000;
    /** How long shutting down waits for clients to take their last frame before cutting them. */
    private static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(2);

    private final Path dataDirectory;
    private final Database database;
    private final ServerContext context;
    private final ServerCertificate certificate;
    private final ServerSocket serverSocket;
    private final ConnectionGate gate;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    private NativeServer(Builder b) throws IOException {
        this.dataDirectory = b.dataDirectory;
        PrivateFiles.directory(dataDirectory);
        this.gate = new ConnectionGate(b.limits.maxConnections(), b.limits.maxConnectionsPerAddress());
        this.certificate = b.keyStore != null
                ? ServerCertificate.fromKeyStore(b.keyStore, b.keyStorePassword)
                : ServerCertificate.selfSigned(dataDirectory, b.hostName);
        this.database = Database.open(dataDirectory.resolve(DATABASE_FILE));
        try {
            this.context = new ServerContext(b.limits, b.scramIterations, b.allowRegistration, database, connections);
        } catch (SQLException e) {
            database.close();
            throw UserStore.io(e);
        }
        try {
            // Plain TCP, with TLS layered on each accepted socket: closing the TCP socket is what
            // frees a thread blocked writing to a client that does not read (closing the TLS
            // socket would wait for that very write).
            this.serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(b.address, 128);
        } catch (IOException | RuntimeException e) {
            context.close();
            database.close();
            throw e;
        }
        threads.execute(this::acceptLoop);
        LOG.info("Native server listening on {} (data in {}), certificate SHA-256 {}", address(), dataDirectory,
                Certificates.display(certificateSha256()));
    }

    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    /** Settings of a server to start; everything but the data folder has a default. */
    public static final class Builder {
        private final Path dataDirectory;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), Frames.DEFAULT_PORT);
        private String hostName = "localhost";
        private Path keyStore;
        private char[] keyStorePassword;
        private ServerLimits limits = ServerLimits.DEFAULTS;
        private int scramIterations = DEFAULT_SCRAM_ITERATIONS;
        private boolean allowRegistration;

        private Builder(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        }

        /** Where to listen; port 0 picks a free port. Default: the loopback address, port 5290. */
        public Builder bind(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        public Builder port(int port) {
            this.address = new InetSocketAddress(address.getAddress(), port);
            return this;
        }

        /** The name put in a generated certificate, besides localhost and 127.0.0.1. */
        public Builder hostName(String hostName) {
            this.hostName = Objects.requireNonNull(hostName, "hostName");
            return this;
        }

        /** Uses this PKCS12 key store instead of a generated self-signed certificate. */
        public Builder keyStore(Path pkcs12, char[] password) {
            this.keyStore = Objects.requireNonNull(pkcs12, "pkcs12");
            this.keyStorePassword = password.clone();
            return this;
        }

        public Builder limits(ServerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * PBKDF2 iterations for passwords set by the server and for registrations; at least 4096
         * (RFC 7677). Default {@value NativeServer#DEFAULT_SCRAM_ITERATIONS}.
         */
        public Builder scramIterations(int iterations) {
            if (iterations < Scram.MIN_ITERATIONS) {
                throw new IllegalArgumentException("at least " + Scram.MIN_ITERATIONS + " iterations");
            }
            this.scramIterations = iterations;
            return this;
        }

        /** Whether clients may create accounts with a {@code register} frame. Default: no. */
        public Builder allowRegistration(boolean allow) {
            this.allowRegistration = allow;
            return this;
        }

        /** Starts the server; returns once it accepts connections. */
        public NativeServer start() throws IOException {
            return new NativeServer(this);
        }
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                Socket tcp = serverSocket.accept();
                String address = tcp.getInetAddress().getHostAddress();
                if (!gate.tryEnter(address)) {
                    // Refused before TLS: a handshake is what a flood would make the server pay for.
                    LOG.debug("Refused a connection from {}: too many connections", address);
                    tcp.close();
                    continue;
                }
                ClientConnection connection;
                try {
                    connection = new ClientConnection(context, tcp, tls(tcp));
                } catch (IOException | RuntimeException e) {
                    gate.leave(address);
                    tcp.close();
                    throw e;
                }
                connections.add(connection);
                connection.ended().whenComplete((v, e) -> {
                    connections.remove(connection);
                    gate.leave(address);
                });
                connection.start(threads);
            } catch (SocketException e) {
                if (!closing) {
                    LOG.error("The server socket failed; no more connections are accepted", e);
                }
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not accept a connection: {}", e.getMessage());
            }
        }
    }

    private SSLSocket tls(Socket tcp) throws IOException {
        SSLSocket socket = (SSLSocket) certificate.context().getSocketFactory()
                .createSocket(tcp, tcp.getInetAddress().getHostAddress(), tcp.getPort(), true);
        socket.setUseClientMode(false);
        socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return socket;
    }

    /** Open connections, logged in or not (for tests and monitoring). */
    int openConnections() {
        return connections.size();
    }

    /** The logged-in connections of a user (for tests). */
    int sessionsOf(String user) {
        return context.sessions.all(user).size();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public ServerLimits limits() {
        return context.limits;
    }

    public X509Certificate certificate() {
        return certificate.certificate();
    }

    /** SHA-256 of the certificate's DER encoding, lower-case hex. */
    public String certificateSha256() {
        return Certificates.sha256(certificate.certificate());
    }

    /** Creates the user, or sets a new password if the user exists. */
    public void ensureUser(String user, String password) throws IOException {
        try {
            context.users.upsert(UserStore.requireValid(user), Scram.credentials(password, context.scramIterations));
        } catch (SQLException e) {
            throw UserStore.io(e);
        }
    }

    /** Creates a user; false when the name is taken. */
    public boolean addUser(String user, String password) throws IOException {
        try {
            return context.users.create(UserStore.requireValid(user), Scram.credentials(password, context.scramIterations));
        } catch (SQLException e) {
            throw UserStore.io(e);
        }
    }

    public boolean userExists(String user) throws IOException {
        try {
            return UserStore.normalize(user).isPresent() && context.users.exists(UserStore.requireValid(user));
        } catch (SQLException e) {
            throw UserStore.io(e);
        }
    }

    /** Makes two existing users mutual contacts (both see each other's presence), without requests. */
    public void befriend(String user, String otherUser) throws IOException {
        String a = UserStore.requireValid(user);
        String b = UserStore.requireValid(otherUser);
        if (a.equals(b) || !userExists(a) || !userExists(b)) {
            throw new IllegalArgumentException("befriend needs two different existing users: " + a + ", " + b);
        }
        try {
            context.roster.befriend(a, b);
        } catch (SQLException e) {
            throw UserStore.io(e);
        }
    }

    /** Stops accepting, tells every client, closes every connection and the database. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.debug("Closing the server socket: {}", e.getMessage());
        }
        List<ClientConnection> open = List.copyOf(connections);
        for (ClientConnection connection : open) {
            connection.finish(Frames.error(null, ErrorCode.SHUTTING_DOWN, "the server is shutting down"));
        }
        try {
            CompletableFuture.allOf(open.stream().map(ClientConnection::ended).toArray(CompletableFuture[]::new))
                    .get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.info("Some clients did not take the shutdown notice within {} s; cutting them", SHUTDOWN_GRACE.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Cut whatever is left, so that no reader or writer can outlive the database.
        for (ClientConnection connection : List.copyOf(connections)) {
            connection.cut("the server is stopping");
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Some connections did not end within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
        database.close();
        LOG.info("Native server on port {} stopped", serverSocket.getLocalPort());
    }

    /**
     * Adds or changes a user in a data folder without starting a server (the CLI's adduser/passwd),
     * with the iteration count the server last ran with there (or the default).
     */
    public static boolean setPassword(Path dataDirectory, String user, String password, boolean create)
            throws IOException {
        PrivateFiles.directory(dataDirectory);
        try (Database db = Database.open(dataDirectory.resolve(DATABASE_FILE))) {
            UserStore users = new UserStore(db);
            String name = UserStore.requireValid(user);
            boolean exists = users.exists(name);
            if (create == exists) {
                return false;
            }
            // The count the server last ran with, so that this account looks like every other one.
            int iterations = new SettingsStore(db).scramIterations().orElse(DEFAULT_SCRAM_ITERATIONS);
            users.upsert(name, Scram.credentials(password, iterations));
            return true;
        } catch (SQLException e) {
            throw UserStore.io(e);
        }
    }
}
