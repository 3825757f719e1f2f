package org.switchboard.irc.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.irc.IrcSettings;
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
import org.switchboard.protocol.spi.capability.GroupChat;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Presence;
import org.switchboard.protocol.spi.capability.Roster;
import org.switchboard.protocol.tls.ClientTls;

/**
 * An IRC account's session. Each connect runs a {@link Link} on a thread of its own, which reads
 * the server's lines and reports events in order; every attempt has a generation number so that
 * an attempt overtaken by {@link #disconnect()} or a newer connect is dropped. Offers Messaging,
 * GroupChat, Roster (a friends list: see {@link org.switchboard.irc.IrcProvider}) and Presence;
 * IRC has no typing notifications or receipts.
 */
public final class IrcSession implements ProtocolSession {

    private static final Logger LOG = LoggerFactory.getLogger(IrcSession.class);

    private final AccountConfig config;
    private final SessionListener listener;
    private final ReentrantLock eventLock = new ReentrantLock();
    private final Object stateLock = new Object();
    final IrcMessaging messaging = new IrcMessaging(this);
    final IrcGroupChat rooms = new IrcGroupChat(this);
    final IrcFriends friends = new IrcFriends(this);
    final IrcPresence presence = new IrcPresence(this);
    private final Map<Class<? extends Capability>, Capability> offered = Map.of(Messaging.class, messaging,
            GroupChat.class, rooms, Roster.class, friends, Presence.class, presence);

    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile Link link;
    private volatile Set<Class<? extends Capability>> capabilities = Set.of();
    private CompletableFuture<Void> connecting;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> watchdog;
    private long generation;
    private boolean closed;

    public IrcSession(AccountConfig config, SessionListener listener) {
        this.config = config;
        this.listener = listener;
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
                scheduler = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("irc-timer-" + config.id()).factory());
            }
            changeState(ConnectionState.CONNECTING, null);
        }
        Thread.ofPlatform().daemon().name("irc-link-" + config.id()).start(() -> login(attempt));
        return result;
    }

    private void login(long attempt) {
        Link fresh;
        try {
            IrcSettings settings = IrcSettings.of(config);
            ClientTls tls = settings.tls() ? ClientTls.forAccount(config) : null;
            synchronized (stateLock) {
                if (attempt != generation) {
                    return;
                }
                fresh = new Link(this, attempt, settings, tls, scheduler);
                link = fresh;
                deadline = scheduler.schedule(() -> failed(attempt, new ProtocolException(Reason.TIMEOUT,
                        "The server " + settings.host() + " did not let us in within "
                                + settings.connectTimeout().toSeconds() + " s")),
                        settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ProtocolException e) {
            failed(attempt, e);
            return;
        } catch (RuntimeException e) {
            LOG.error("Bug while connecting {}", config, e);
            failed(attempt, new ProtocolException(Reason.INTERNAL, "Connecting failed: " + e, e));
            return;
        }
        fresh.run();
    }

    /** Registration is complete: the user is in. */
    void registered(Link fresh) {
        synchronized (stateLock) {
            if (fresh.attempt != generation || link != fresh) {
                fresh.quit("Switchboard");
                return;
            }
            cancelDeadline();
            messaging.attach(fresh);
            presence.attach(fresh);
            identifyToNickServ(fresh);
            rooms.attach(fresh);
            friends.attach(fresh, scheduler);
            capabilities = offered.keySet();
            emit(new CapabilitiesChanged(account(), capabilities));
            changeState(ConnectionState.CONNECTED, null);
            watchdog = scheduler.scheduleWithFixedDelay(() -> {
                if (!fresh.heardWithin(Link.IDLE.multipliedBy(2).plusSeconds(30))) {
                    fresh.abort();
                }
            }, Link.IDLE.toSeconds(), Link.IDLE.toSeconds(), TimeUnit.SECONDS);
            if (connecting != null) {
                connecting.complete(null);
                connecting = null;
            }
        }
    }

    private void identifyToNickServ(Link fresh) {
        IrcSettings settings = fresh.settings;
        // SASL off (a password but no SASL account) or not offered: the same password goes to NickServ.
        if (settings.nickServ() && settings.saslPassword().isPresent() && !fresh.registrationUsedSasl()) {
            String account = settings.saslAccount().orElse(settings.nick());
            fresh.sendQuietly("PRIVMSG NickServ :IDENTIFY " + account + " " + settings.saslPassword().get());
        }
    }

    void loginFailed(Link failedLink, ProtocolException cause) {
        failed(failedLink.attempt, cause);
    }

    /** The link's connection ended, for whatever reason. */
    void linkEnded(Link ended, ProtocolException cause) {
        failed(ended.attempt, cause);
    }

    private void failed(long attempt, ProtocolException cause) {
        synchronized (stateLock) {
            if (attempt != generation || state == ConnectionState.FAILED) {
                return;
            }
            generation++;
            Link old = link;
            link = null;
            cancelDeadline();
            if (old != null) {
                old.abort();
                forget(old, "Connection lost");
            }
            LOG.info("IRC session {} failed: {}", config.id(), cause.getMessage());
            changeState(ConnectionState.FAILED, cause);
            if (connecting != null) {
                connecting.completeExceptionally(cause);
                connecting = null;
            }
        }
    }

    /** Reports the rooms of a link that ended as left and stops its pollers. */
    private void forget(Link old, String reason) {
        capabilities = offered.keySet();
        rooms.detach(old, reason);
        friends.detach(old);
        messaging.detach(old);
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        synchronized (stateLock) {
            generation++;
            Link old = link;
            link = null;
            cancelDeadline();
            if (connecting != null) {
                connecting.completeExceptionally(new ProtocolException(Reason.NOT_CONNECTED, "Disconnected while connecting"));
                connecting = null;
            }
            if (old != null) {
                old.quit("Switchboard");
                forget(old, "Disconnected");
            }
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

    /** A line before registration ended: server notices only. */
    void beforeReady(Link from, IrcLine line) {
        if (from == link && line.command().equals("NOTICE") && line.sourceAddress() == null && !line.source().isEmpty()) {
            emit(new ProtocolEvent.ServerNotice(account(), line.sourceNick(), IrcText.strip(line.last())));
        }
    }

    /** A line of the live connection. */
    void dispatch(Link from, IrcLine line) {
        if (from != link) {
            return;
        }
        ErrorReplies.route(from, line);
        rooms.onLine(from, line);
        friends.onLine(from, line);
        messaging.onLine(from, line);
    }

    /** The live link, or a NOT_CONNECTED failure. */
    Link live() throws ProtocolException {
        Link current = link;
        if (current == null || !current.isReady() || state != ConnectionState.CONNECTED) {
            throw new ProtocolException(Reason.NOT_CONNECTED, "Not connected");
        }
        return current;
    }

    Link current() {
        return link;
    }

    ContactAddress address(String handle) {
        return new ContactAddress(account(), handle);
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
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
}
