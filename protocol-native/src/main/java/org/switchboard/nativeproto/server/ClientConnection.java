package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.switchboard.nativeproto.auth.ScramServer;
import org.switchboard.nativeproto.codec.ErrorCode;
import org.switchboard.nativeproto.codec.FrameException;
import org.switchboard.nativeproto.codec.FrameReader;
import org.switchboard.nativeproto.codec.FrameWriter;
import org.switchboard.nativeproto.codec.Frames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's connection. Its reader thread reads frames and hands each to the handler for its
 * type; its writer thread writes what the {@link Outbox} holds. Nobody else writes to the socket,
 * so a client that stops reading stalls only its own writer: a push to it that does not fit in
 * the outbox, or a write that takes longer than the write timeout, cuts the connection.
 *
 * <p>Two ways to end: {@link #finish} (the last frames are still written, then TLS closes
 * politely) and {@link #cut} (the TCP socket under TLS is closed at once, which also frees a
 * thread blocked writing to it). Either takes the connection out of the sessions at once.
 */
final class ClientConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    /** An open SCRAM exchange; the guard counts it until it ends. */
    record LoginAttempt(ScramServer scram, String user) {
    }

    private final ServerContext context;
    private final Socket tcp;
    private final SSLSocket socket;
    private final String remoteAddress;
    private final Outbox outbox;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicReference<LoginAttempt> attempt = new AtomicReference<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Thread reader;
    private volatile long writingSince;
    private volatile TokenBucket bucket;
    private volatile ScheduledFuture<?> loginDeadline;
    private volatile String user;
    private volatile boolean helloDone;
    private volatile boolean available;
    private volatile PresenceState presence = PresenceState.OFFLINE;

    ClientConnection(ServerContext context, Socket tcp, SSLSocket socket) {
        this.context = context;
        this.tcp = tcp;
        this.socket = socket;
        this.remoteAddress = tcp.getInetAddress().getHostAddress();
        this.outbox = new Outbox(context.limits.outboundQueueBytes());
        this.bucket = new TokenBucket(context.limits.preLoginFrameBurst(), context.limits.preLoginFramesPerSecond());
    }

    /** Starts the reader and the writer; {@link #ended} completes once both sockets are closed. */
    void start(Executor threads) {
        threads.execute(this::writeLoop);
        threads.execute(this);
    }

    @Override
    public void run() {
        reader = Thread.currentThread();
        // Absolute, unlike the socket timeout: frames sent before login do not extend it.
        loginDeadline = context.housekeeping.after(context.limits.loginTimeout(), () -> {
            if (user == null) {
                finish(Frames.error(null, ErrorCode.IDLE_TIMEOUT,
                        "no login within " + context.limits.loginTimeout().toSeconds() + " s"));
            }
        });
        try {
            socket.setSoTimeout((int) context.limits.loginTimeout().toMillis());
            FrameReader frames = new FrameReader(socket.getInputStream(), context.limits.maxFrameBytes());
            while (!closed.get()) {
                ObjectNode frame;
                try {
                    frame = frames.read();
                } catch (FrameException e) {
                    refuse(e);
                    continue;
                }
                if (!closed.get()) {
                    handle(frame);
                }
            }
        } catch (SocketTimeoutException e) {
            finish(Frames.error(null, ErrorCode.IDLE_TIMEOUT, user == null
                    ? "no login within " + context.limits.loginTimeout().toSeconds() + " s"
                    : "nothing received for " + context.limits.idleTimeout().toSeconds() + " s"));
        } catch (EOFException | SocketException e) {
            LOG.debug("Connection from {} ended: {}", remoteAddress, e.getMessage());
        } catch (SSLException e) {
            LOG.info("TLS failed with {}: {}", remoteAddress, e.getMessage());
        } catch (IOException e) {
            LOG.debug("Connection from {} broke: {}", remoteAddress, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Bug while serving {}", remoteAddress, e);
        } finally {
            // A polite finish already under way writes its last frames; anything else ends here.
            if (!closed.get()) {
                cut("its stream ended");
            }
        }
    }

    private void handle(ObjectNode frame) {
        String type = Frames.type(frame);
        String id = Frames.id(frame);
        try {
            if (!bucket.tryTake()) {
                send(Frames.error(id, ErrorCode.RATE_LIMITED, "too many frames; this " + type + " was dropped"));
                return;
            }
            switch (type) {
                case "ping" -> send(Frames.request("pong", id));
                case "bye" -> close();
                case "hello", "auth", "auth-response", "register" -> context.login.handle(this, type, frame);
                default -> {
                    if (user == null) {
                        throw new FrameException(ErrorCode.NOT_AUTHENTICATED, "log in before " + type, false, id);
                    }
                    switch (type) {
                        case "roster-get", "contact-add", "contact-remove", "subscribe-answer" ->
                                context.roster.handle(this, type, frame);
                        case "presence" -> context.presence.handle(this, frame);
                        case "message", "receipt", "typing" -> context.messages.handle(this, type, frame);
                        default -> throw new FrameException(ErrorCode.UNKNOWN_TYPE,
                                "unknown frame type \"" + type + "\"", false, id);
                    }
                }
            }
        } catch (FrameException e) {
            refuse(e);
        } catch (SQLException e) {
            LOG.error("Database error while handling {} from {}", type, remoteAddress, e);
            send(Frames.error(id, ErrorCode.INTERNAL_ERROR, "the server could not store this; try again"));
        }
    }

    private void refuse(FrameException e) {
        ObjectNode error = e instanceof ServerRefusal refusal
                ? ServerRefusal.error(e.requestId(), refusal.wire(), e.getMessage())
                : Frames.error(e.requestId(), e.code(), e.getMessage());
        if (e.fatal()) {
            finish(error);
        } else {
            send(error);
        }
    }

    /**
     * Queues a frame for this connection. On its own thread (answers, catch-up) this waits for
     * room, slowing down only this client; on any other thread it never waits, and a frame that
     * does not fit cuts the connection. False when the frame was not queued.
     */
    boolean send(ObjectNode frame) {
        return !closed.get() && enqueue(frame);
    }

    private boolean enqueue(ObjectNode frame) {
        byte[] bytes;
        try {
            bytes = FrameWriter.encode(frame, context.limits.maxFrameBytes());
        } catch (FrameException e) {
            String id = Frames.id(frame);
            LOG.warn("A {} frame for {} is too large: {}", Frames.type(frame), remoteAddress, e.getMessage());
            // Every request is answered exactly once (PROTOCOL.md §3), if only with this.
            return id != null && !Frames.type(frame).equals("error") && enqueue(ServerRefusal.error(id,
                    ServerRefusal.REPLY_TOO_LARGE, "the answer would be over the frame limit of "
                            + context.limits.maxFrameBytes() + " bytes"));
        }
        boolean queued;
        if (Thread.currentThread() == reader) {
            try {
                queued = outbox.put(bytes, context.limits.writeTimeout().toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queued = false;
            }
        } else {
            queued = outbox.offer(bytes);
        }
        if (!queued && !closed.get()) {
            cut("its client does not take what is sent to it");
        }
        return queued;
    }

    private void writeLoop() {
        try {
            OutputStream out = socket.getOutputStream();
            byte[] frame;
            while ((frame = outbox.take()) != null) {
                writingSince = System.nanoTime() | 1;
                out.write(frame);
                out.flush();
                writingSince = 0;
            }
            if (!outbox.aborted()) {
                // The polite close sends close_notify, a write like any other: watched the same way.
                writingSince = System.nanoTime() | 1;
                socket.close();
            }
        } catch (IOException e) {
            LOG.debug("Cannot write to {}: {}", remoteAddress, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writingSince = 0;
            cut("it can no longer be written to");
            ended.complete(null);
        }
    }

    /** Whether a write has been blocked for longer than the write timeout. */
    boolean writeStuck(long nanoNow) {
        long since = writingSince;
        return since != 0 && !cut.get() && nanoNow - since > context.limits.writeTimeout().toNanos();
    }

    /** Ends politely: writes what is queued and {@code last} (if any), then closes. */
    void finish(ObjectNode last) {
        if (last != null && !closed.get()) {
            enqueue(last);
        }
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        outbox.finish();
        // A client that does not take its last frames is cut after the write timeout.
        context.housekeeping.after(context.limits.writeTimeout(), () -> cut("it did not take its last frames"));
        cleanup();
    }

    void close() {
        finish(null);
    }

    /** Ends at once: drops what is queued and closes the TCP socket, which frees a blocked writer. */
    void cut(String why) {
        boolean wasOpen = !closed.get();
        if (cut.compareAndSet(false, true)) {
            outbox.abort();
            try {
                tcp.close();
            } catch (IOException e) {
                LOG.debug("Closing {}: {}", remoteAddress, e.getMessage());
            }
            if (wasOpen) {
                LOG.info("Closed the connection from {}{}: {}", remoteAddress, user == null ? "" : " (" + user + ")", why);
            }
        }
        if (closed.compareAndSet(false, true)) {
            // Telling the contacts may touch the database: not on a pusher's or a timer's thread.
            Thread.ofVirtual().start(this::cleanup);
        }
    }

    /** Takes the connection out of everything it is registered in; runs once. */
    private void cleanup() {
        ScheduledFuture<?> deadline = loginDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
        endLoginAttempt(false);
        String who = user;
        if (who != null) {
            context.sessions.remove(who, this);
            boolean wasAvailable = available;
            available = false;
            if (wasAvailable) {
                context.presence.broadcast(who);
            }
            LOG.info("{} logged out from {}", who, remoteAddress);
        }
    }

    CompletableFuture<Void> ended() {
        return ended;
    }

    boolean isClosed() {
        return closed.get();
    }

    void loggedIn(String name) throws IOException {
        user = name;
        bucket = new TokenBucket(context.limits.frameBurst(), context.limits.framesPerSecond());
        ScheduledFuture<?> deadline = loginDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
        socket.setSoTimeout((int) context.limits.idleTimeout().toMillis());
    }

    /** Undoes {@link #loggedIn} for a login refused after the proof (too many connections). */
    void notLoggedIn() {
        user = null;
    }

    String user() {
        return user;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    boolean helloDone() {
        return helloDone;
    }

    void helloDone(boolean value) {
        helloDone = value;
    }

    boolean available() {
        return available;
    }

    PresenceState presence() {
        return presence;
    }

    void presence(PresenceState state) {
        presence = state;
        available = state.availability().isOnline();
    }

    /** Starts tracking an exchange, ending one this connection left open. */
    void loginAttempt(LoginAttempt value) {
        endLoginAttempt(false);
        attempt.set(value);
        if (closed.get()) {
            endLoginAttempt(false);
        }
    }

    /** The open exchange, taken: whoever takes it must end it. */
    LoginAttempt takeLoginAttempt() {
        return attempt.getAndSet(null);
    }

    private void endLoginAttempt(boolean failed) {
        LoginAttempt open = attempt.getAndSet(null);
        if (open != null) {
            context.guard.end(open.user(), remoteAddress, failed);
        }
    }
}
