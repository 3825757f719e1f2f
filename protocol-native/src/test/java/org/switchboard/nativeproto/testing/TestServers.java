package org.switchboard.nativeproto.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.nativeproto.client.NativeProvider;
import org.switchboard.nativeproto.server.NativeServer;
import org.switchboard.nativeproto.server.ServerLimits;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolException;

/** Starting servers on 127.0.0.1 and making accounts for them, for the tests. */
public final class TestServers {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private TestServers() {
    }

    public static NativeServer start(Path data) throws IOException {
        return start(data, ServerLimits.DEFAULTS);
    }

    public static NativeServer start(Path data, ServerLimits limits) throws IOException {
        // Test passwords are not worth the default's 100,000 PBKDF2 iterations.
        return NativeServer.builder(data).bind(new InetSocketAddress("127.0.0.1", 0)).limits(limits)
                .scramIterations(org.switchboard.nativeproto.auth.Scram.MIN_ITERATIONS).start();
    }

    /** An account for a user of {@code server}, trusting its certificate by pinning it. */
    public static AccountConfig account(NativeServer server, String user, String password) {
        return new AccountConfig(AccountId.random(), NativeProvider.ID, Map.of(
                NativeProvider.HOST, "127.0.0.1",
                NativeProvider.PORT, Integer.toString(server.port()),
                NativeProvider.USERNAME, user,
                AccountConfig.PINNED_CERTIFICATES, server.certificateSha256()),
                Map.of(NativeProvider.PASSWORD, password));
    }

    /** Waits for a future; a failure comes out as the ProtocolException inside it. */
    public static <T> T join(CompletableFuture<T> future) throws ProtocolException, InterruptedException, TimeoutException {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw ProtocolException.from(e.getCause());
        }
    }
}
