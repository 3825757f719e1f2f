package org.switchboard.nativeproto.embedded;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.switchboard.nativeproto.client.NativeProvider;
import org.switchboard.nativeproto.server.NativeServer;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.EmbeddedServer;

/** A running {@link NativeServer} as the app administers it. */
public final class NativeEmbeddedServer implements EmbeddedServer {

    private final NativeServer server;

    public NativeEmbeddedServer(NativeServer server) {
        this.server = server;
    }

    public NativeServer server() {
        return server;
    }

    @Override
    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public String certificateSha256() {
        return server.certificateSha256();
    }

    @Override
    public void ensureUser(String user, String password) throws java.io.IOException {
        server.ensureUser(user, password);
    }

    @Override
    public void befriend(String user, String otherUser) throws java.io.IOException {
        server.befriend(user, otherUser);
    }

    /** host, port, username and the pinned certificate; the password is a secret the app adds. */
    @Override
    public Map<String, String> accountSettings(String user) {
        return Map.of(NativeProvider.HOST, host(), NativeProvider.PORT, Integer.toString(server.port()),
                NativeProvider.USERNAME, user, AccountConfig.PINNED_CERTIFICATES, server.certificateSha256());
    }

    private String host() {
        InetAddress bound = server.address().getAddress();
        // A server on every interface is reached from this machine through the loopback name.
        return bound.isAnyLocalAddress() ? "localhost" : bound.getHostAddress();
    }

    @Override
    public void close() {
        server.close();
    }
}
