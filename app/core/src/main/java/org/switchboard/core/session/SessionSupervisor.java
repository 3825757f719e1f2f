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
import java.util.function.Function;
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
    /** How long {@code open}, {@code connect} or {@code disconnect} may take to return. */
    private static final Duration CALL_LIMIT = Duration.ofSeconds(10);
    /** How long a connect may take to log in, beyond any time-out of the provider's own. */
    private static final Duration LOGIN_LIMIT = Duration.ofSeconds(90);

    private final CoreThread core;
    private final ProviderRegistry providers;
    private final SecretStore secrets;
    private final Clock clock;
    private final Backoff backoff;
    private final SessionHooks hooks;
    private final Map<AccountId, AccountConnection> connections = new ConcurrentHashMap<>();
    private final Map<AccountId, ProtocolSession> live = new ConcurrentHashMap<>();
    private final ProviderCalls calls = new ProviderCalls();

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
        if (session == null) {
            return Optional.empty();
        }
        try {
            Optional<C> capability = session.capability(type);
            return capability == null ? Optional.empty() : capability;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("account {}: the provider failed to give its {}: {}", account, type.getSimpleName(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * Calls a capability of the account's live session on a provider-call thread, bounded in
     * time (the call by the usual limit, its future by {@code resultLimit}), so that a slow or
     * faulty provider never holds up the caller. Fails with NOT_CONNECTED when the account is not
     * connected and UNSUPPORTED when its session lacks the capability. Any thread.
     */
    public <C extends Capability, T> CompletableFuture<T> callCapability(AccountId account, Class<C> type,
                                                                         Function<C, CompletableFuture<T>> work,
                                                                         Duration resultLimit) {
        if (!live.containsKey(account)) {
            return CompletableFuture.failedFuture(new ProtocolException(Reason.NOT_CONNECTED,
                    "The account is not connected"));
        }
        Optional<C> capability = capability(account, type);
        if (capability.isEmpty()) {
            return CompletableFuture.failedFuture(new ProtocolException(Reason.UNSUPPORTED,
                    "The account's network does not offer " + type.getSimpleName()));
        }
        return calls.callAsync(() -> work.apply(capability.get()), CALL_LIMIT, resultLimit);
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
        calls.close();
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
        c.state = ConnectionState.CONNECTING;
        setStatus(c, AccountStatus.of(account.id(), ConnectionState.CONNECTING));
        ProtocolProvider chosen = provider.get();
        // Provider code (perhaps a plugin's) runs off the core thread, bounded in time.
        calls.call(() -> chosen.open(config, event -> core.execute(() -> onEvent(c, generation, event))), CALL_LIMIT)
                .whenComplete((session, error) -> core.execute(() -> onOpened(c, generation, session, error)));
    }

    private void onOpened(AccountConnection c, int generation, ProtocolSession session, Throwable error) {
        if (generation != c.generation || connections.get(c.account.id()) != c) {
            if (session != null) {
                calls.call(() -> {
                    closeQuietly(session);
                    return null;
                }, CALL_LIMIT);
            }
            return;
        }
        if (error != null || session == null) {
            Throwable cause = error instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null
                    ? ce.getCause() : error;
            fail(c, cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                    ? new ProtocolException(Reason.INVALID_INPUT, "The account's settings are not usable: "
                            + cause.getMessage(), cause)
                    : ProviderCalls.describe("opening the session", cause == null
                            ? new IllegalStateException("the provider returned no session") : cause));
            return;
        }
        c.session = session;
        calls.callAsync(session::connect, CALL_LIMIT, LOGIN_LIMIT)
                .whenComplete((ok, failure) -> core.execute(() -> onConnectResult(c, generation, failure)));
    }

    private void onConnectResult(AccountConnection c, int generation, Throwable error) {
        if (generation != c.generation || connections.get(c.account.id()) != c) {
            return;
        }
        if (error != null) {
            fail(c, ProviderCalls.describe("connecting", error));
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
        return calls.callAsync(session::disconnect, Duration.ofSeconds(3), Duration.ofSeconds(3))
                .handle((ok, error) -> (Void) null)
                .thenCompose(v -> calls.call(() -> {
                    closeQuietly(session);
                    return (Void) null;
                }, Duration.ofSeconds(3)).handle((ok, error) -> (Void) null));
    }

    private void setStatus(AccountConnection c, AccountStatus status) {
        c.status = status;
        hooks.statusChanged(status);
    }

    private static void closeQuietly(ProtocolSession session) {
        try {
            session.close();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("closing a session failed", e);
        }
    }
}
