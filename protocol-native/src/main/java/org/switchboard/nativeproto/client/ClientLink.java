package org.switchboard.nativeproto.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLSocket;
import org.switchboard.nativeproto.codec.FrameException;
import org.switchboard.nativeproto.codec.FrameReader;
import org.switchboard.nativeproto.codec.FrameWriter;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logged-in connection: one reader thread that decodes frames in order, answers to requests
 * matched by {@code id}, and everything else handed to the session; one writer thread that
 * drains a bounded queue, so that no caller (the app's core thread among them) ever blocks on a
 * socket whose peer stopped reading.
 */
final class ClientLink {

    private static final Logger LOG = LoggerFactory.getLogger(ClientLink.class);

    /** What the link tells its session, on the reader thread. */
    interface Listener {
        void onPush(ObjectNode frame);

        /** The link ended without {@link #close()}: the network or the server broke it. */
        void onBroken(ProtocolException cause);
    }

    private final SSLSocket socket;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final ScheduledExecutorService scheduler;
    private final Duration requestTimeout;
    private final Map<String, CompletableFuture<ObjectNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(100);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Listener listener;
    private volatile String serverNotice;

    /** Frames waiting for the writer thread; more than this and the link is clearly stuck. */
    static final int QUEUED_FRAMES = 1024;
    /** How long a polite close waits for its "bye" to be written before cutting the socket. */
    private static final Duration BYE_GRACE = Duration.ofSeconds(2);

    private record Outgoing(ObjectNode frame, Consumer<ProtocolException> onFailure) {
    }

    private static final Outgoing STOP = new Outgoing(null, null);
    private final BlockingQueue<Outgoing> outgoing = new ArrayBlockingQueue<>(QUEUED_FRAMES + 1);

    ClientLink(SSLSocket socket, FrameReader reader, FrameWriter writer, ScheduledExecutorService scheduler,
               Duration requestTimeout) {
        this.socket = socket;
        this.reader = reader;
        this.writer = writer;
        this.scheduler = scheduler;
        this.requestTimeout = requestTimeout;
    }

    void start(Listener linkListener, String name) {
        this.listener = linkListener;
        Thread.ofVirtual().name("native-reader-" + name).start(this::readLoop);
        Thread.ofVirtual().name("native-writer-" + name).start(this::writeLoop);
    }

    private void writeLoop() {
        try {
            while (true) {
                Outgoing next = outgoing.take();
                if (next == STOP) {
                    break;
                }
                try {
                    writer.write(next.frame());
                } catch (IOException e) {
                    next.onFailure().accept(new ProtocolException(Reason.NETWORK,
                            "Cannot write to the server: " + e.getMessage(), e));
                    break;
                } catch (FrameException e) {
                    next.onFailure().accept(new ProtocolException(Reason.INVALID_INPUT, e.getMessage()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSocket();
        failQueued();
    }

    private void failQueued() {
        for (Outgoing left; (left = outgoing.poll()) != null; ) {
            if (left != STOP) {
                left.onFailure().accept(notConnected());
            }
        }
    }

    private void readLoop() {
        ProtocolException cause;
        try {
            while (true) {
                ObjectNode frame;
                try {
                    frame = reader.read();
                } catch (FrameException e) {
                    if (e.fatal()) {
                        // The rest of that frame is still in the stream: nothing after it can be trusted.
                        throw new IOException("the server sent a frame this client cannot read: " + e.getMessage(), e);
                    }
                    LOG.warn("Ignoring a frame the server sent that cannot be read: {}", e.getMessage());
                    continue;
                }
                dispatch(frame);
            }
        } catch (IOException e) {
            String why = serverNotice != null ? serverNotice : e.getMessage();
            cause = new ProtocolException(Reason.NETWORK, "The connection to the server broke: " + why, e);
        } catch (RuntimeException e) {
            LOG.error("Bug while reading from the server", e);
            cause = new ProtocolException(Reason.INTERNAL, "The session failed: " + e, e);
        }
        boolean unexpected = closed.compareAndSet(false, true);
        closeSocket();
        outgoing.offer(STOP);
        failPending(cause);
        if (unexpected) {
            listener.onBroken(cause);
        }
    }

    private void dispatch(ObjectNode frame) {
        String id = Frames.id(frame);
        CompletableFuture<ObjectNode> waiting = id == null ? null : pending.remove(id);
        if (waiting != null) {
            if (Frames.type(frame).equals("error")) {
                waiting.completeExceptionally(ErrorMapping.fromErrorFrame(frame));
            } else {
                waiting.complete(frame);
            }
            return;
        }
        if (Frames.type(frame).equals("error")) {
            // An error for no request: the server is about to close (idle, shutdown) or refused a frame.
            serverNotice = Frames.text(frame, "message", "error") + " (" + Frames.text(frame, "code", "?") + ")";
            LOG.info("Server says: {}", serverNotice);
            return;
        }
        try {
            listener.onPush(frame);
        } catch (RuntimeException e) {
            LOG.error("Could not handle a {} frame", Frames.type(frame), e);
        }
    }

    /**
     * Sends a request and maps its answer. {@code onReply} runs on the reader thread, in order with
     * the frames around the answer; it is attached before the request leaves.
     */
    <T> CompletableFuture<T> request(ObjectNode frame, Function<ObjectNode, T> onReply) {
        String id = Long.toString(nextId.incrementAndGet());
        frame.put("id", id);
        CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
        CompletableFuture<T> result = answer.thenApply(onReply);
        pending.put(id, answer);
        try {
            scheduler.schedule(() -> {
                if (pending.remove(id, answer)) {
                    answer.completeExceptionally(new ProtocolException(Reason.TIMEOUT,
                            "No answer from the server to " + Frames.type(frame) + " within "
                                    + requestTimeout.toSeconds() + " s"));
                }
            }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.remove(id);
            answer.completeExceptionally(notConnected());
            return result;
        }
        send(frame, e -> {
            if (pending.remove(id, answer)) {
                answer.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Sends a frame that expects no answer; never blocks. */
    void send(ObjectNode frame, Consumer<ProtocolException> onFailure) {
        if (closed.get()) {
            onFailure.accept(notConnected());
            return;
        }
        if (outgoing.size() >= QUEUED_FRAMES || !outgoing.offer(new Outgoing(frame, onFailure))) {
            onFailure.accept(new ProtocolException(Reason.NETWORK,
                    "The server is not taking what this client sends; " + QUEUED_FRAMES + " frames are waiting"));
            abort("the server stopped reading");
        }
    }

    boolean isOpen() {
        return !closed.get();
    }

    /**
     * Ends the link on purpose: no {@link Listener#onBroken}; pending requests fail as
     * NOT_CONNECTED. Never blocks: a polite "bye" goes out on the writer thread, with a grace
     * period after which the socket is cut anyway.
     */
    void close(boolean polite) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        failPending(notConnected());
        if (polite && outgoing.offer(new Outgoing(Frames.frame("bye"),
                e -> LOG.debug("Could not say bye: {}", e.getMessage())))) {
            outgoing.offer(STOP);
            try {
                scheduler.schedule(this::closeSocket, BYE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                closeSocket();
            }
        } else {
            closeSocket();
            outgoing.offer(STOP);
        }
    }

    /** Breaks the link as if the network had (a keepalive went unanswered). */
    void abort(String why) {
        serverNotice = why;
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing the socket: {}", e.getMessage());
        }
    }

    private void failPending(ProtocolException cause) {
        for (String id : pending.keySet()) {
            CompletableFuture<ObjectNode> waiting = pending.remove(id);
            if (waiting != null) {
                waiting.completeExceptionally(cause);
            }
        }
    }

    static ProtocolException notConnected() {
        return new ProtocolException(Reason.NOT_CONNECTED, "The session is not connected");
    }
}
