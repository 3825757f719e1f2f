package org.switchboard.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountStatus;
import org.switchboard.core.internal.CoreThread;
import org.switchboard.core.provider.ProviderRegistry;
import org.switchboard.core.store.SecretStore;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.capability.Capability;

/**
 * Keeps each enabled account connected: opens its session, reports its status, and after a
 * transient failure or a dropped connection tries again with {@link Backoff}. Failures that
 * need the user (wrong password, untrusted certificate, bad settings) are not retried.
 * All state is confined to the core thread, except the map of live sessions that any thread
 * may read to reach a capability.
 */
public final class SessionSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSupervisor.class);

    private final CoreThread core;
    private final ProviderRegistry providers;
    private final SecretStore secrets;
    private final Clock clock;
    private final Backoff backoff;
    private final SessionHooks hooks;
    private final Map<AccountId, AccountConnection> connections = new ConcurrentHashMap<>();
    private final Map<AccountId, ProtocolSession> live = new ConcurrentHashMap<>();

    public SessionSupervisor(CoreThread core, ProviderRegistry providers, SecretStore secrets, Clock clock,
                             Backoff backoff, SessionHooks hooks) {
        this.core = core;
        this.providers = providers;
        this.secrets = secrets;
        this.clock = clock;
        this.backoff = backoff;
        this.hooks = hooks;
    }

    /** A capability of the account's session, when it is connected. Any thread. */
    public <C extends Capability> Optional<C> capability(AccountId account, Class<C> type) {
        ProtocolSession session = live.get(account);
        return session == null ? Optional.empty() : session.capability(type);
    }

    public List<AccountId> connectedAccounts() {
        return List.copyOf(live.keySet());
    }

    /** The account's status; DISCONNECTED for one the supervisor does not run. Any thread. */
    public AccountStatus status(AccountId account) {
        AccountConnection c = connections.get(account);
        return c == null ? AccountStatus.of(account, ConnectionState.DISCONNECTED) : c.status;
    }

    /** Connects the account now (again, with a fresh session, if it was connected). Core thread. */
    public void connect(Account account) {
        AccountConnection c = connections.computeIfAbsent(account.id(), id -> new AccountConnection(account));
        c.account = account;
        c.failures = 0;
        attempt(c);
    }

    /** Connects now, skipping a back-off wait. Core thread. */
    public void reconnectNow(AccountId account) {
        AccountConnection c = connections.get(account);
        if (c != null && c.state != ConnectionState.CONNECTED && c.state != ConnectionState.CONNECTING) {
            attempt(c);
        }
    }

    /** Disconnects politely and forgets the account. Core thread. */
    public CompletableFuture<Void> disconnect(AccountId account) {
        AccountConnection c = connections.remove(account);
        if (c == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = abandon(c);
        setStatus(c, AccountStatus.of(account, ConnectionState.DISCONNECTED));
        return done;
    }

    /** Disconnects every account politely, waiting at most {@code wait}. Any thread but the core's. */
    public void closeAll(Duration wait) {
        List<CompletableFuture<Void>> pending;
        try {
            pending = core.call(() -> {
                List<CompletableFuture<Void>> list = new ArrayList<>();
                for (AccountId id : List.copyOf(connections.keySet())) {
                    list.add(disconnect(id));
                }
                return list;
            }).get(wait.toMillis(), TimeUnit.MILLISECONDS);
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("not every account disconnected within {}: {}", wait, e.toString());
        }
        live.values().forEach(SessionSupervisor::closeQuietly);
        live.clear();
    }

    private void attempt(AccountConnection c) {
        abandon(c);
        int generation = ++c.generation;
        Account account = c.account;
        Optional<ProtocolProvider> provider = providers.find(account.protocolId());
        if (provider.isEmpty()) {
            fail(c, new ProtocolException(Reason.UNSUPPORTED,
                    "No installed plugin speaks \"" + account.protocolId() + "\""));
            return;
        }
        AccountConfig config = new AccountConfig(account.id(), account.protocolId(), account.settings(),
                secrets.get(account.id()));
        ProtocolSession session;
        try {
            session = provider.get().open(config, event -> core.execute(() -> onEvent(c, generation, event)));
        } catch (RuntimeException e) {
            fail(c, new ProtocolException(Reason.INVALID_INPUT, "The account's settings are not usable: "
                    + e.getMessage(), e));
            return;
        }
        c.session = session;
        c.state = ConnectionState.CONNECTING;
        setStatus(c, AccountStatus.of(account.id(), ConnectionState.CONNECTING));
        CompletableFuture<Void> connecting;
        try {
            connecting = session.connect();
        } catch (RuntimeException e) {
            connecting = CompletableFuture.failedFuture(e);
        }
        connecting.whenComplete((ok, error) -> core.execute(() -> onConnectResult(c, generation, error)));
    }

    private void onConnectResult(AccountConnection c, int generation, Throwable error) {
        if (generation != c.generation || connections.get(c.account.id()) != c) {
            return;
        }
        if (error != null) {
            fail(c, ProtocolException.from(error));
            return;
        }
        c.state = ConnectionState.CONNECTED;
        c.failures = 0;
        live.put(c.account.id(), c.session);
        setStatus(c, AccountStatus.of(c.account.id(), ConnectionState.CONNECTED));
        hooks.connected(c.account.id(), c.session);
    }

    private void onEvent(AccountConnection c, int generation, ProtocolEvent event) {
        if (generation != c.generation || connections.get(c.account.id()) != c) {
            return;
        }
        if (event instanceof ProtocolEvent.ConnectionStateChanged change) {
            boolean dropped = change.state() == ConnectionState.FAILED
                    || change.state() == ConnectionState.DISCONNECTED;
            // While connecting, the connect future reports the outcome; only a live connection drops.
            if (dropped && c.state == ConnectionState.CONNECTED) {
                ProtocolException cause = change.cause() != null ? change.cause()
                        : new ProtocolException(Reason.NETWORK, "The connection was closed");
                fail(c, cause);
            }
            return;
        }
        hooks.event(event);
    }

    private void fail(AccountConnection c, ProtocolException cause) {
        boolean wasConnected = live.remove(c.account.id()) != null;
        c.state = ConnectionState.FAILED;
        abandon(c);
        if (wasConnected) {
            hooks.disconnected(c.account.id());
        }
        Instant next = null;
        if (cause.isTransient() || cause.reason() == Reason.NOT_CONNECTED) {
            Duration delay = backoff.delay(c.failures++, () -> ThreadLocalRandom.current().nextDouble());
            next = clock.instant().plus(delay);
            int generation = c.generation;
            c.retry = core.schedule(() -> {
                if (c.generation == generation && connections.get(c.account.id()) == c) {
                    attempt(c);
                }
            }, delay);
        }
        LOG.info("account {} failed ({}): {}{}", c.account.id(), cause.reason(), cause.getMessage(),
                next == null ? "; not retrying" : "; retrying at " + next);
        setStatus(c, new AccountStatus(c.account.id(), ConnectionState.FAILED, cause.reason(), cause.getMessage(),
                cause.certificate().orElse(null), next));
    }

    /** Drops the current session (politely) and any pending retry. */
    private CompletableFuture<Void> abandon(AccountConnection c) {
        c.cancelRetry();
        c.generation++;
        ProtocolSession session = c.session;
        c.session = null;
        if (live.remove(c.account.id()) != null) {
            hooks.disconnected(c.account.id());
        }
        if (c.state != ConnectionState.FAILED) {
            c.state = ConnectionState.DISCONNECTED;
        }
        if (session == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done;
        try {
            done = session.disconnect();
        } catch (RuntimeException e) {
            done = CompletableFuture.completedFuture(null);
        }
        return done.orTimeout(3, TimeUnit.SECONDS)
                .handle((ok, error) -> null)
                .thenRun(() -> closeQuietly(session));
    }

    private void setStatus(AccountConnection c, AccountStatus status) {
        c.status = status;
        hooks.statusChanged(status);
    }

    private static void closeQuietly(ProtocolSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.debug("closing a session failed", e);
        }
    }
}
