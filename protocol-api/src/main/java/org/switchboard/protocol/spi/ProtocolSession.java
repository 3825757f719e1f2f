package org.switchboard.protocol.spi;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.capability.Capability;

/**
 * One account's connection to its network.
 *
 * <p>Lifecycle: made by {@link ProtocolProvider#open}, in state DISCONNECTED; {@link #connect()}
 * logs in; {@link #disconnect()} logs out and may be followed by another connect; {@link #close()}
 * ends the session for good. A session does not reconnect on its own: the app decides.
 *
 * <p>Threading: every method may be called from any thread and none blocks on the network;
 * futures complete on the provider's threads. Events go to the {@link SessionListener}.
 */
public interface ProtocolSession extends AutoCloseable {

    AccountId account();

    ConnectionState state();

    /**
     * Connects and logs in. Completes when the session is CONNECTED and the capabilities are
     * known; fails with a {@link ProtocolException} (AUTH_FAILED, UNTRUSTED_CERTIFICATE,
     * NETWORK, TIMEOUT, …).
     */
    CompletableFuture<Void> connect();

    /** Logs out politely. Completes when DISCONNECTED; never fails. */
    CompletableFuture<Void> disconnect();

    /**
     * A feature of this session, if it has it now. Some capabilities appear only after login,
     * when the server has said what it offers.
     */
    <C extends Capability> Optional<C> capability(Class<C> type);

    /** The capability types this session offers now. */
    Set<Class<? extends Capability>> capabilities();

    /** Disconnects at once and releases the session's threads. */
    @Override
    void close();
}
