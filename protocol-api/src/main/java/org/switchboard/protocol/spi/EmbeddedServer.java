package org.switchboard.protocol.spi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/** A running embedded server, administered by the app that started it. */
public interface EmbeddedServer extends AutoCloseable {

    /** Where it accepts connections. */
    InetSocketAddress address();

    /**
     * SHA-256 fingerprint (lower-case hex) of the server's certificate. The app that started the
     * server pins it in the accounts it makes for it: it generated the certificate itself.
     */
    String certificateSha256();

    /** Creates the user, or sets a new password if the user exists. */
    void ensureUser(String user, String password) throws IOException;

    /** Makes two users mutual contacts (both see each other's presence), without requests. */
    void befriend(String user, String otherUser) throws IOException;

    /** The account settings a session of {@link EmbeddedServerProvider#protocolId()} needs for this server and user. */
    Map<String, String> accountSettings(String user);

    /** Stops accepting, closes every connection, and closes the data store. */
    @Override
    void close() throws IOException;
}
