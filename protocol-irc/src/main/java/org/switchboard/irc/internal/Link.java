package org.switchboard.irc.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.pircbotx.Configuration;
import org.switchboard.irc.IrcSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.tls.ClientTls;

/**
 * One connection attempt and, once registered, the live connection: the PircBotX transport, the
 * flood-controlled sender, what the server supports, and the user's current nick. A session
 * makes a new link for every connect.
 */
final class Link implements Registration.Outcome {

    private static final Logger LOG = LoggerFactory.getLogger(Link.class);
    /** Silence after which the transport pings the server; twice that without a line ends the link. */
    static final Duration IDLE = Duration.ofSeconds(60);

    final long attempt;
    final IrcSettings settings;
    final ServerSupport support = new ServerSupport();
    private final IrcSession session;
    private final SessionSocketFactory sockets;
    private final LineBot bot;
    private final LineSender sender;
    private final Registration registration;
    private volatile String nick;
    private volatile String user;
    private volatile String host;
    private volatile boolean ready;
    private volatile long lastHeard = System.nanoTime();
    private volatile ProtocolException failure;
    private volatile boolean aborted;

    Link(IrcSession session, long attempt, IrcSettings settings, ClientTls tls, ScheduledExecutorService timer) {
        this.session = session;
        this.attempt = attempt;
        this.settings = settings;
        this.nick = settings.nick();
        this.user = settings.username();
        this.sockets = new SessionSocketFactory(settings.host(), tls, settings.connectTimeout());
        Configuration configuration = new Configuration.Builder()
                .setName(settings.nick())
                .setLogin(settings.username())
                .setRealName(settings.realName())
                .setVersion(IrcMessaging.VERSION_REPLY)
                .setFinger("Switchboard")
                .addServer(settings.host(), settings.port())
                .setSocketFactory(sockets)
                .setServerPassword(settings.serverPassword().orElse(null))
                .setCapEnabled(true)
                .setAutoNickChange(false)
                .setMessageDelay(0)
                .setAutoReconnect(false)
                .setShutdownHookEnabled(false)
                .setOnJoinWhoEnabled(false)
                .setAutoSplitMessage(false)
                .setSnapshotsEnabled(false)
                .setIdentServerEnabled(false)
                .setSocketTimeout((int) IDLE.toMillis())
                .setEncoding(StandardCharsets.UTF_8)
                .setListenerManager(new SilentListenerManager())
                .setBotFactory(LineBot.factory(this::onLine))
                .buildConfiguration();
        this.bot = new LineBot(configuration);
        this.sender = new LineSender(settings.nick(), line -> {
            LOG.trace("{} >> {}", nick, redacted(line));
            bot.write(line);
        },
                new TokenBucket(settings.floodBurst(), settings.floodPerSecond(), System::nanoTime), timer);
        this.registration = new Registration(settings, support, this::writeNow, this);
    }

    /** Connects and reads until the connection ends; runs on the link's own thread. */
    void run() {
        sender.start();
        try {
            bot.startBot();
        } catch (Exception e) {
            ProtocolException cause = sockets.lastFailure();
            if (cause == null) {
                cause = e.getCause() instanceof java.net.UnknownHostException
                        ? new ProtocolException(Reason.NETWORK, "Unknown host " + settings.host(), e)
                        : new ProtocolException(Reason.NETWORK, "Cannot connect to " + settings.host() + ": " + e.getMessage(), e);
            }
            failure = cause;
        } finally {
            ProtocolException why = failure != null ? failure : sockets.lastFailure();
            if (why == null) {
                why = new ProtocolException(Reason.NETWORK, ready ? "The connection to " + settings.host() + " was lost"
                        : "The server closed the connection during login");
            }
            failure = why;
            sender.close(new ProtocolException(Reason.NOT_CONNECTED, "Not connected to " + settings.host()));
            session.linkEnded(this, why);
        }
    }

    /** A line as it may appear in a log: passwords cut off. */
    static String redacted(String line) {
        String upper = line.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("PASS ") || upper.startsWith("AUTHENTICATE ") || upper.contains(" :IDENTIFY ")) {
            return line.substring(0, line.indexOf(' ')) + " (hidden)";
        }
        return line;
    }

    private void onLine(String raw) {
        lastHeard = System.nanoTime();
        LOG.trace("{} << {}", nick, raw);
        if (aborted) {
            bot.abort();
            return;
        }
        IrcLine line = IrcLine.parse(raw);
        if (line.command().isEmpty()) {
            return;
        }
        try {
            switch (line.command()) {
                case "PING" -> writeNow("PONG :" + line.last());
                case "PONG" -> sender.onPong(line.last());
                default -> { }
            }
            if (!registration.finished()) {
                registration.handle(line);
                if (!ready) {
                    session.beforeReady(this, line);
                    return;
                }
            }
            if (line.command().equals("005") && line.params().size() >= 3) {
                support.isupport(line.params().subList(1, line.params().size() - 1));
            }
            session.dispatch(this, line);
        } catch (RuntimeException e) {
            LOG.warn("Could not handle the line {}", raw, e);
        }
    }

    @Override
    public void ready(String registeredNick) {
        nick = registeredNick;
        ready = true;
        session.registered(this);
    }

    @Override
    public void failed(ProtocolException cause) {
        failure = cause;
        session.loginFailed(this, cause);
        abort();
    }

    boolean isReady() {
        return ready;
    }

    boolean registrationUsedSasl() {
        return registration.saslSucceeded();
    }

    String nick() {
        return nick;
    }

    void nick(String newNick) {
        nick = newNick;
    }

    /** Learns the user's own {@code user@host} as the server shows it, for line-length budgets. */
    void ownAddress(String address) {
        if (address == null) {
            return;
        }
        int at = address.indexOf('@');
        if (at > 0) {
            user = address.substring(0, at);
            host = address.substring(at + 1);
        }
    }

    /** The bytes left for text in a {@code PRIVMSG}/{@code NOTICE} to {@code target}, with the server's prefix counted. */
    int textBudget(String command, String target) {
        String knownHost = host != null ? host : "x".repeat(63);
        String knownUser = user.length() < 10 ? "~" + user : user;
        String prefix = ":" + nick + "!" + knownUser + "@" + knownHost + " " + command + " " + target + " :";
        // 512 bytes per line, less CR LF, less a margin for servers that rewrite the prefix.
        return 510 - 16 - prefix.getBytes(StandardCharsets.UTF_8).length;
    }

    String fold(String name) {
        return support.fold(name);
    }

    boolean heardWithin(Duration window) {
        return System.nanoTime() - lastHeard < window.toNanos();
    }

    /** Sends lines through the flood control; completes when the server has taken them. */
    CompletableFuture<Void> send(List<String> lines, String target) {
        return sender.send(lines, target);
    }

    void sendQuietly(String line) {
        sender.sendQuietly(line);
    }

    boolean busy() {
        return sender.busy();
    }

    void refused(String target, ProtocolException why) {
        sender.onRefused(target, why);
    }

    /** Writes at once, ahead of the queue: registration, PONG, QUIT. */
    void writeNow(String line) {
        try {
            bot.write(line);
        } catch (RuntimeException e) {
            LOG.debug("Could not write {}: {}", line, e.getMessage());
        }
    }

    /** Says goodbye and closes. */
    void quit(String reason) {
        sender.close(new ProtocolException(Reason.NOT_CONNECTED, "Disconnected"));
        writeNow("QUIT :" + reason);
        abort();
    }

    void abort() {
        aborted = true;
        bot.abort();
    }
}
