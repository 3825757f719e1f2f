package org.switchboard.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.switchboard.protocol.spi.EmbeddedServer;
import org.switchboard.protocol.spi.EmbeddedServerProvider;

/**
 * A real native server on a loopback port, found through the SPI like the app finds it.
 * {@link #restart()} brings it back on the same port with the same data, as a server that was
 * down for a while.
 */
public final class TestServer implements AutoCloseable {

    private final EmbeddedServerProvider provider;
    private final Path dataDir;
    private EmbeddedServer server;
    private int port;

    private TestServer(EmbeddedServerProvider provider, Path dataDir) {
        this.provider = provider;
        this.dataDir = dataDir;
    }

    public static TestServer start(Path dataDir) throws IOException {
        EmbeddedServerProvider provider = ServiceLoader.load(EmbeddedServerProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.protocolId().equals("native")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no native EmbeddedServerProvider on the class path"));
        TestServer test = new TestServer(provider, dataDir);
        test.startOn(0);
        return test;
    }

    private void startOn(int wanted) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        server = provider.start(dataDir, new InetSocketAddress(loopback, wanted));
        port = server.address().getPort();
    }

    public EmbeddedServer server() {
        return server;
    }

    public int port() {
        return port;
    }

    /** Creates a user with a fresh password; returns the values an account dialog would hold. */
    public Map<String, String> user(String name) throws IOException {
        String password = UUID.randomUUID().toString();
        server.ensureUser(name, password);
        Map<String, String> values = new HashMap<>(server.accountSettings(name));
        values.put("password", password);
        return values;
    }

    public void befriend(String a, String b) throws IOException {
        server.befriend(a, b);
    }

    public void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public void restart() throws IOException {
        stop();
        startOn(port);
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
