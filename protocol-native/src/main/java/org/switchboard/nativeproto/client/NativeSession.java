package org.switchboard.nativeproto.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.event.ProtocolEvent.CapabilitiesChanged;
import org.switchboard.protocol.event.ProtocolEvent.ConnectionStateChanged;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.SessionListener;
import org.switchboard.protocol.spi.capability.Capability;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Presence;
import org.switchboard.protocol.spi.capability.Receipts;
import org.switchboard.protocol.spi.capability.Roster;
import org.switchboard.protocol.spi.capability.Typing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.tls.ClientTls;

/**
 * A native account's session. Connecting runs on a short-lived thread of its own; once logged
 * in, one reader thread per connection decodes frames and reports events in order. Every
 * connect attempt has a generation number, so that the results of an attempt overtaken by
 * {@link #disconnect()} or a newer connect are dropped.
 */
final class NativeSession implements ProtocolSession {

    private static final Logger LOG = LoggerFactory.getLogger(NativeSession.class);

    private final AccountConfig config;
    private final SessionListener listener;
    private final NativeSettings settings;
    private final ReentrantLock eventLock = new ReentrantLock();
    private final Object stateLock = new Object();
    private final Map<Class<? extends Capability>, Capability> offered;
    final SessionView view = new SessionView();

    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile ClientLink link;
    private volatile Set<Class<? extends Capability>> capabilities = Set.of();
    private volatile int maxBodyBytes = 64 * 1024;
    private CompletableFuture<Void> connecting;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> keepalive;
    private long generation;
    private boolean closed;

    NativeSession(AccountConfig config, SessionListener listener) {
        this.config = config;
        this.listener = listener;
        this.settings = NativeSettings.of(config);
        NativeMessaging messaging = new NativeMessaging(this);
        this.offered = Map.of(Messaging.class, messaging, Receipts.class, messaging, Typing.class, messaging,
                Roster.class, new NativeRoster(this), Presence.class, new NativePresence(this));
    }

    @Override
    public AccountId account() {
        return config.id();
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public CompletableFuture<Void> connect() {
        long attempt;
        CompletableFuture<Void> result;
        synchronized (stateLock) {
            if (closed) {
                return CompletableFuture.failedFuture(new ProtocolException(Reason.NOT_CONNECTED, "The session is closed"));
            }
            if (state == ConnectionState.CONNECTED) {
                return CompletableFuture.completedFuture(null);
            }
            if (connecting != null) {
                return connecting.copy();
            }
            connecting = new CompletableFuture<>();
            result = connecting.copy();
            attempt = ++generation;
            if (scheduler == null) {
                scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("native-timer-" + settings.username()).factory());
            }
            changeState(ConnectionState.CONNECTING, null);
        }
        Thread.ofVirtual().name("native-connect-" + settings.username()).start(() -> login(attempt));
        return result;
    }

    private void login(long attempt) {
        try {
            if (settings.username().isBlank() || settings.password().isEmpty()) {
                throw new ProtocolException(Reason.INVALID_INPUT, "The account has no user name or password");
            }
            Connector.Connected connected = new Connector(settings, ClientTls.forAccount(config)).connect(scheduler);
            ClientLink fresh = connected.link();
            synchronized (stateLock) {
                if (attempt != generation) {
                    fresh.close(false);
                    return;
                }
                link = fresh;
                maxBodyBytes = connected.maxBodyBytes();
            }
            fresh.start(new Incoming(this, fresh, attempt), settings.username());
            fetchRoster(fresh, attempt, null, new java.util.ArrayList<>());
        } catch (ProtocolException e) {
            failed(attempt, e);
        } catch (RuntimeException e) {
            LOG.error("Bug while connecting {}", settings, e);
            failed(attempt, new ProtocolException(Reason.INTERNAL, "Connecting failed: " + e, e));
        }
    }

    private void loggedIn(long attempt) {
        synchronized (stateLock) {
            if (attempt != generation) {
                return;
            }
            capabilities = offered.keySet();
            emit(new CapabilitiesChanged(account(), capabilities));
            changeState(ConnectionState.CONNECTED, null);
            long every = settings.keepalive().toMillis();
            keepalive = scheduler.scheduleAtFixedRate(this::ping, every, every, TimeUnit.MILLISECONDS);
            connecting.complete(null);
            connecting = null;
        }
    }

    private Void failed(long attempt, ProtocolException cause) {
        synchronized (stateLock) {
            if (attempt != generation || state == ConnectionState.FAILED) {
                return null;
            }
            generation++;
            ClientLink old = link;
            link = null;
            if (old != null) {
                old.close(false);
            }
            stopKeepalive();
            LOG.info("Session {} failed: {}", settings, cause.getMessage());
            changeState(ConnectionState.FAILED, cause);
            if (connecting != null) {
                connecting.completeExceptionally(cause);
                connecting = null;
            }
        }
        return null;
    }

    /** The link of {@code attempt} broke on its own (network, server shutdown, keepalive). */
    void broken(long attempt, ProtocolException cause) {
        failed(attempt, cause);
    }

    /**
     * Reads the contact list page by page (a large list does not fit one frame: PROTOCOL.md §7),
     * then announces presence and counts as logged in.
     */
    private void fetchRoster(ClientLink fresh, long attempt, String after, List<JsonNode> contacts) {
        ObjectNode ask = Frames.frame("roster-get");
        if (after != null) {
            ask.put("after", after);
        }
        fresh.<Void>request(ask, reply -> {
            reply.path("contacts").forEach(contacts::add);
            String next = Frames.text(reply, "next", null);
            if (next != null && !next.isBlank() && !next.equals(after)) {
                fetchRoster(fresh, attempt, next, contacts);
                return null;
            }
            view.replaceRoster(this, contacts);
            fresh.<Void>request(NativePresence.frame(view.own()), ok -> {
                loggedIn(attempt);
                return null;
            }).exceptionally(e -> failed(attempt, ProtocolException.from(e)));
            return null;
        }).exceptionally(e -> failed(attempt, ProtocolException.from(e)));
    }

    /** Sends a frame that needs no answer; failing only means the connection is going away. */
    void sendQuietly(ObjectNode frame) {
        ClientLink current = link;
        if (current != null) {
            current.send(frame, e -> LOG.debug("Could not send a {} frame: {}", Frames.type(frame), e.getMessage()));
        }
    }

    private void ping() {
        ClientLink current = link;
        if (current != null) {
            current.request(Frames.frame("ping"), Function.identity()).exceptionally(e -> {
                if (ProtocolException.from(e).reason() == Reason.TIMEOUT) {
                    current.abort("no answer to the keepalive ping");
                }
                return null;
            });
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        synchronized (stateLock) {
            generation++;
            ClientLink old = link;
            link = null;
            stopKeepalive();
            if (connecting != null) {
                connecting.completeExceptionally(new ProtocolException(Reason.NOT_CONNECTED, "Disconnected while connecting"));
                connecting = null;
            }
            if (old != null) {
                old.close(true);
            }
            view.forgetPresences();
            if (state != ConnectionState.DISCONNECTED) {
                changeState(ConnectionState.DISCONNECTED, null);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public <C extends Capability> Optional<C> capability(Class<C> type) {
        return capabilities.contains(type) ? Optional.of(type.cast(offered.get(type))) : Optional.empty();
    }

    @Override
    public Set<Class<? extends Capability>> capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        disconnect();
        synchronized (stateLock) {
            closed = true;
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
        }
    }

    private void stopKeepalive() {
        if (keepalive != null) {
            keepalive.cancel(false);
            keepalive = null;
        }
    }

    private void changeState(ConnectionState next, ProtocolException cause) {
        state = next;
        emit(new ConnectionStateChanged(account(), next, cause));
    }

    /** Reports an event; one at a time, in the order the session saw them. */
    void emit(ProtocolEvent event) {
        eventLock.lock();
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("The session listener failed on {}", event, e);
        } finally {
            eventLock.unlock();
        }
    }

    /** Sends a request on the live connection; fails with NOT_CONNECTED without one. */
    <T> CompletableFuture<T> request(ObjectNode frame, Function<ObjectNode, T> onReply) {
        ClientLink current = link;
        if (current == null || !current.isOpen()) {
            return CompletableFuture.failedFuture(ClientLink.notConnected());
        }
        return current.request(frame, onReply);
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    String username() {
        return settings.username();
    }

    ContactAddress address(String handle) {
        return new ContactAddress(account(), handle);
    }

    /** The wire form of a contact's handle: user names are lower case. */
    static String handle(ContactAddress contact) {
        return contact.handle().strip().toLowerCase(java.util.Locale.ROOT);
    }
}
