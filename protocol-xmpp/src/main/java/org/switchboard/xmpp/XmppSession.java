package org.switchboard.xmpp;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/**
 * An XMPP account's session on one Smack connection.
 *
 * <p>Connecting runs on a virtual thread under a deadline (the whole login, not only the TCP
 * connect). Every attempt has a generation number, so the results of an attempt overtaken by
 * {@link #disconnect()} or a newer connect are dropped.
 *
 * <p>Stream management (XEP-0198): when the socket breaks, the session tries once, at once, to
 * resume the stream. While it does, the session stays CONNECTED (commands fail with NOT_CONNECTED
 * or NETWORK and may be retried); a resumed stream loses and repeats nothing, because both sides
 * replay exactly what the other did not acknowledge. Only when resumption fails does the session
 * report FAILED (reason NETWORK), and the app reconnects as after any failure.
 *
 * <p>Capabilities found at login stay offered after a logout or a failure (their commands then
 * fail with NOT_CONNECTED) until the next login says what the server offers.
 */
final class XmppSession implements ProtocolSession {

    private static final Logger LOG = LoggerFactory.getLogger(XmppSession.class);

    private final AccountConfig config;
    private final EventSink events;
    private final Object lock = new Object();
    private final ScheduledExecutorService timer;
    final XmppRoster roster = new XmppRoster(this);
    final XmppPresence presence = new XmppPresence(this);
    final XmppMessaging messaging = new XmppMessaging(this);
    final XmppArchive archive = new XmppArchive(this);
    final XmppRooms rooms = new XmppRooms(this);
    final XmppAvatars avatars = new XmppAvatars(this);
    final XmppBlocking blocking = new XmppBlocking(this);
    private final List<SessionPart> parts = List.of(roster, presence, messaging, archive, rooms, avatars, blocking);

    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile XMPPTCPConnection connection;
    private volatile XmppConnector connector;
    private volatile Map<Class<? extends Capability>, Capability> offered = Map.of();
    private CompletableFuture<Void> connecting;
    private long generation;
    private boolean closed;

    XmppSession(AccountConfig config, SessionListener listener) {
        this.config = config;
        String name = config.text(XmppProvider.JID, config.id().value());
        this.events = new EventSink(listener, name);
        this.timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("xmpp-timer-" + name).factory());
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
        synchronized (lock) {
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
            changeState(ConnectionState.CONNECTING, null);
        }
        Thread.ofVirtual().name("xmpp-connect-" + config.id()).start(() -> login(attempt));
        return result;
    }

    private void login(long attempt) {
        XMPPTCPConnection fresh = null;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = null;
        XmppConnector made = null;
        XmppSettings settings = null;
        try {
            settings = XmppSettings.of(config);
            made = new XmppConnector(settings, config);
            fresh = made.build();
            XmppConnector watched = made;
            java.time.Duration limit = settings.connectTimeout();
            String domain = domainOf(settings);
            // Smack's connect() holds the connection's lock, so instantShutdown() would wait for it:
            // break the socket instead, and answer the caller at the deadline whatever Smack does.
            deadline = timer.schedule(() -> {
                timedOut.set(true);
                closeQuietly(watched.lastSocket());
                failed(attempt, new ProtocolException(Reason.TIMEOUT, "No login to " + domain + " within "
                        + limit.toSeconds() + " s"));
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
            for (SessionPart part : parts) {
                part.attach(fresh);
            }
            fresh.connect();
            fresh.login();
            ServerFeatures features = ServerFeatures.discover(fresh);
            synchronized (lock) {
                if (attempt != generation) {
                    fresh.disconnect();
                    return;
                }
                connection = fresh;
                connector = made;
            }
            for (SessionPart part : parts) {
                part.loggedIn(fresh, features);
            }
            deadline.cancel(false);
            fresh.addConnectionListener(new StreamResumption(this, fresh, attempt));
            loggedIn(attempt, features);
        } catch (Exception e) {
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (fresh != null) {
                fresh.instantShutdown();
            }
            ProtocolException cause;
            if (timedOut.get()) {
                cause = new ProtocolException(Reason.TIMEOUT, "No login to " + domainOf(settings) + " within "
                        + settings.connectTimeout().toSeconds() + " s", e);
            } else if (made != null) {
                cause = ErrorMapping.login(e, made.tls(), domainOf(settings));
            } else {
                cause = ErrorMapping.of(e);
            }
            failed(attempt, cause);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already broken.
            }
        }
    }

    private static String domainOf(XmppSettings settings) {
        return settings == null ? "the server" : settings.jid().getDomain().toString();
    }

    private void loggedIn(long attempt, ServerFeatures features) {
        synchronized (lock) {
            if (attempt != generation) {
                return;
            }
            offered = OfferedCapabilities.of(this, features);
            emit(new CapabilitiesChanged(account(), offered.keySet()));
            changeState(ConnectionState.CONNECTED, null);
            connecting.complete(null);
            connecting = null;
        }
        rooms.joinBookmarkedRooms();
    }

    private void failed(long attempt, ProtocolException cause) {
        XMPPTCPConnection old;
        synchronized (lock) {
            if (attempt != generation || state == ConnectionState.FAILED) {
                return;
            }
            generation++;
            old = connection;
            connection = null;
            LOG.info("Session {} failed: {}", config.id(), cause.getMessage());
            parts.forEach(SessionPart::detached);
            changeState(ConnectionState.FAILED, cause);
            if (connecting != null) {
                connecting.completeExceptionally(cause);
                connecting = null;
            }
        }
        if (old != null) {
            old.instantShutdown();
        }
    }

    /** Whether {@code attempt} is still the current connection's. */
    boolean current(long attempt) {
        synchronized (lock) {
            return attempt == generation;
        }
    }

    /** The live connection broke and could not be resumed. */
    void lost(long attempt, ProtocolException cause) {
        failed(attempt, cause);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        XMPPTCPConnection old;
        synchronized (lock) {
            generation++;
            old = connection;
            connection = null;
            if (connecting != null) {
                connecting.completeExceptionally(new ProtocolException(Reason.NOT_CONNECTED, "Disconnected while connecting"));
                connecting = null;
            }
            parts.forEach(SessionPart::detached);
            if (state != ConnectionState.DISCONNECTED) {
                changeState(ConnectionState.DISCONNECTED, null);
            }
        }
        if (old == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().name("xmpp-logout-" + config.id()).start(() -> {
            try {
                old.disconnect();
            } catch (RuntimeException e) {
                LOG.debug("Logout of {} was not clean: {}", config.id(), e.toString());
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    @Override
    public <C extends Capability> Optional<C> capability(Class<C> type) {
        return Optional.ofNullable(offered.get(type)).map(type::cast);
    }

    @Override
    public Set<Class<? extends Capability>> capabilities() {
        return offered.keySet();
    }

    @Override
    public void close() {
        disconnect();
        synchronized (lock) {
            closed = true;
        }
        timer.shutdownNow();
        events.close();
    }

    private void changeState(ConnectionState next, ProtocolException cause) {
        state = next;
        emit(new ConnectionStateChanged(account(), next, cause));
    }

    // ---- for the capability classes ----

    /** Completes once the events emitted so far have reached the listener. */
    CompletableFuture<Void> delivered() {
        return events.delivered();
    }

    void emit(ProtocolEvent event) {
        events.emit(event);
    }

    /** The logged-in connection, or NOT_CONNECTED. */
    XMPPTCPConnection live() throws ProtocolException {
        XMPPTCPConnection current = connection;
        if (current == null || !current.isAuthenticated()) {
            throw new ProtocolException(Reason.NOT_CONNECTED, "Not connected to the server");
        }
        return current;
    }

    /** Work that blocks on the network runs on a virtual thread; failures become ProtocolExceptions. */
    <T> CompletableFuture<T> call(SmackCall<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name("xmpp-call").start(() -> {
            try {
                result.complete(work.run(live()));
            } catch (Throwable e) {
                result.completeExceptionally(ErrorMapping.of(e));
            }
        });
        return result;
    }

    /** A piece of work on the live connection. */
    @FunctionalInterface
    interface SmackCall<T> {
        T run(XMPPTCPConnection connection) throws Exception;
    }

    ContactAddress address(Jid jid) {
        return new ContactAddress(account(), jid.asBareJid().toString());
    }

    EntityBareJid ownJid() {
        XMPPTCPConnection current = connection;
        if (current != null && current.getUser() != null) {
            return current.getUser().asEntityBareJid();
        }
        try {
            return XmppSettings.of(config).jid();
        } catch (ProtocolException e) {
            throw new IllegalStateException(e);
        }
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /**
     * Severs the TCP connection without a word to the server, as a failing network would; only
     * tests call this, to prove that the stream resumes.
     */
    void dropSocket() throws IOException {
        XmppConnector current = connector;
        Socket socket = current == null ? null : current.lastSocket();
        if (socket != null) {
            socket.close();
        }
    }
}
