package org.switchboard.nativeproto.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.switchboard.nativeproto.auth.Scram;
import org.switchboard.nativeproto.client.NativeProvider;
import org.switchboard.nativeproto.server.NativeServer;
import org.switchboard.protocol.spi.EmbeddedServer;
import org.switchboard.protocol.spi.EmbeddedServerProvider;

/** Lets the app start a native server for a local demo or a LAN without naming its classes. */
public final class NativeEmbeddedServerProvider implements EmbeddedServerProvider {

    @Override
    public String protocolId() {
        return NativeProvider.ID;
    }

    @Override
    public EmbeddedServer start(Path dataDirectory, InetSocketAddress address) throws IOException {
        // The demo's passwords are 128-bit random strings: more PBKDF2 iterations would add nothing
        // but start-up time. A server whose users choose their passwords keeps the default.
        NativeServer.Builder builder = NativeServer.builder(dataDirectory).bind(address)
                .scramIterations(Scram.MIN_ITERATIONS);
        if (!address.getAddress().isAnyLocalAddress() && !address.getAddress().isLoopbackAddress()) {
            builder.hostName(address.getAddress().getHostAddress());
        }
        return new NativeEmbeddedServer(builder.start());
    }
}
