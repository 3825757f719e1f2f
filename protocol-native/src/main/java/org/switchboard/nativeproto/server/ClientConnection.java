package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * One client's connection: reads its frames on its own (virtual) thread, hands each to the
 * handler for its type, and answers every failure with an error frame.
 */
final class ClientConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final ServerContext context;
    private final SSLSocket socket;
    private final String remoteAddress;
    private final TokenBucket bucket;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClosed;
    private FrameWriter writer;
    private volatile String user;
    private volatile boolean helloDone;
    private volatile boolean available;
    private volatile PresenceState presence = PresenceState.OFFLINE;
    private ScramServer scram;

    ClientConnection(ServerContext context, SSLSocket socket, Runnable onClosed) {
        this.context = context;
        this.socket = socket;
        this.remoteAddress = socket.getInetAddress().getHostAddress();
        this.bucket = new TokenBucket(context.limits.frameBurst(), context.limits.framesPerSecond());
        this.onClosed = onClosed;
    }

    @Override
    public void run() {
        try {
            socket.setSoTimeout((int) context.limits.loginTimeout().toMillis());
            writer = new FrameWriter(socket.getOutputStream(), context.limits.maxFrameBytes());
            FrameReader reader = new FrameReader(socket.getInputStream(), context.limits.maxFrameBytes());
            while (!closed.get()) {
                ObjectNode frame;
                try {
                    frame = reader.read();
                } catch (FrameException e) {
                    refuse(e);
                    continue;
                }
                handle(frame);
            }
        } catch (SocketTimeoutException e) {
            send(Frames.error(null, ErrorCode.IDLE_TIMEOUT, user == null
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
            close();
        }
    }

    private void handle(ObjectNode frame) {
        String type = Frames.type(frame);
        String id = Frames.id(frame);
        try {
            if (user != null && !bucket.tryTake()) {
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
        send(Frames.error(e.requestId(), e.code(), e.getMessage()));
        if (e.fatal()) {
            close();
        }
    }

    /** Writes a frame; a connection that cannot take it is closed. False when it was not sent. */
    boolean send(ObjectNode frame) {
        if (closed.get() || writer == null) {
            return false;
        }
        try {
            writer.write(frame);
            return true;
        } catch (IOException e) {
            LOG.debug("Cannot write to {}: {}", remoteAddress, e.getMessage());
            close();
            return false;
        } catch (FrameException e) {
            LOG.error("Refused to send an oversized {} frame to {}", Frames.type(frame), remoteAddress);
            return false;
        }
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing {}: {}", remoteAddress, e.getMessage());
        }
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
        onClosed.run();
    }

    void loggedIn(String name) throws IOException {
        user = name;
        socket.setSoTimeout((int) context.limits.idleTimeout().toMillis());
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

    ScramServer scram() {
        return scram;
    }

    void scram(ScramServer value) {
        scram = value;
    }
}
