package org.switchboard.protocol.spi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A network whose server can run inside the app (for a local demo or a LAN), found with
 * {@link java.util.ServiceLoader} like {@link ProtocolProvider}, so that the app starts it
 * without naming any class of the protocol module.
 */
public interface EmbeddedServerProvider {

    /** The {@link ProtocolProvider#id()} whose sessions talk to this server. */
    String protocolId();

    /**
     * Starts a server bound to {@code address} (port 0 picks a free one), keeping its data,
     * keys and certificate in {@code dataDirectory}. Returns once it accepts connections.
     */
    EmbeddedServer start(Path dataDirectory, InetSocketAddress address) throws IOException;
}
