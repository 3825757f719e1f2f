package org.switchboard.irc.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;

/**
 * Sends a connection's lines in order, at the pace of a {@link TokenBucket}, on a thread of its
 * own. IRC does not acknowledge messages; to know that the server took one (and did not answer
 * {@code ERR_CANNOTSENDTOCHAN}, say), the sender follows each run of lines with a {@code PING}:
 * the server answers in order, so its {@code PONG} confirms every line before it, and an error
 * numeric naming a target fails the oldest unconfirmed line to that target.
 */
final class LineSender {

    /** How long the server may take to answer the confirming PING. */
    static final long CONFIRM_TIMEOUT_SECONDS = 30;
    static final String PING_PREFIX = "sbq";

    /** Lines to send together; {@code target} is the folded nick or channel an error would name. */
    record Outgoing(List<String> lines, String target, CompletableFuture<Void> accepted) {
    }

    private record Pending(String target, CompletableFuture<Void> accepted, long batch) {
    }

    private final BlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
    private final Deque<Pending> unconfirmed = new ArrayDeque<>();
    private final Consumer<String> writer;
    private final TokenBucket bucket;
    private final ScheduledExecutorService timer;
    private final Thread thread;
    private long batch;
    private volatile ProtocolException closedBy;

    LineSender(String name, Consumer<String> writer, TokenBucket bucket, ScheduledExecutorService timer) {
        this.writer = writer;
        this.bucket = bucket;
        this.timer = timer;
        this.thread = Thread.ofVirtual().name("irc-send-" + name).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues lines; the future completes once the server has taken them, or fails with why not. */
    CompletableFuture<Void> send(List<String> lines, String target) {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        ProtocolException closed = closedBy;
        if (closed != null) {
            accepted.completeExceptionally(closed);
            return accepted;
        }
        queue.add(new Outgoing(List.copyOf(lines), target, accepted));
        if (closedBy != null) {
            failQueued(closedBy);
        }
        return accepted;
    }

    /** Queues lines nobody waits for (answers to CTCP, polls). */
    void sendQuietly(String line) {
        send(List.of(line), null);
    }

    /** Whether lines are waiting: pollers skip a round rather than crowd out the user's messages. */
    boolean busy() {
        return !queue.isEmpty();
    }

    private void run() {
        try {
            while (closedBy == null) {
                Outgoing next = queue.take();
                // Registered before writing: the server's refusal can arrive before write() returns.
                Pending pending = new Pending(next.target(), next.accepted(), batch);
                synchronized (unconfirmed) {
                    unconfirmed.add(pending);
                }
                try {
                    for (String line : next.lines()) {
                        awaitToken();
                        writer.accept(line);
                    }
                } catch (RuntimeException e) {
                    synchronized (unconfirmed) {
                        unconfirmed.remove(pending);
                    }
                    next.accepted().completeExceptionally(new ProtocolException(Reason.NETWORK,
                            "The connection broke while sending", e));
                    continue;
                }
                long ping = -1;
                synchronized (unconfirmed) {
                    if (queue.isEmpty()) {
                        ping = batch++;
                    }
                }
                if (ping >= 0) {
                    confirm(ping);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void confirm(long upTo) {
        try {
            writer.accept("PING :" + PING_PREFIX + upTo);
        } catch (RuntimeException e) {
            fail(upTo, new ProtocolException(Reason.NETWORK, "The connection broke while sending", e));
            return;
        }
        try {
            timer.schedule(() -> fail(upTo, new ProtocolException(Reason.TIMEOUT,
                    "The server did not confirm the message in time")), CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The session is closed; close() fails what is still unconfirmed.
        }
    }

    private void awaitToken() throws InterruptedException {
        for (long wait = bucket.tryTake(); wait > 0; wait = bucket.tryTake()) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** The server answered {@code PONG :sbqN}: everything sent before it is confirmed. */
    boolean onPong(String token) {
        if (!token.startsWith(PING_PREFIX)) {
            return false;
        }
        long upTo;
        try {
            upTo = Long.parseLong(token.substring(PING_PREFIX.length()));
        } catch (NumberFormatException e) {
            return false;
        }
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (unconfirmed) {
            while (!unconfirmed.isEmpty() && unconfirmed.peekFirst().batch() <= upTo) {
                done.add(unconfirmed.pollFirst().accepted());
            }
        }
        done.forEach(f -> f.complete(null));
        return true;
    }

    /** The server refused a line to {@code target}: the oldest unconfirmed one to it fails. */
    void onRefused(String target, ProtocolException why) {
        CompletableFuture<Void> failed = null;
        synchronized (unconfirmed) {
            for (Iterator<Pending> it = unconfirmed.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (target.equals(p.target())) {
                    it.remove();
                    failed = p.accepted();
                    break;
                }
            }
        }
        if (failed != null) {
            failed.completeExceptionally(why);
        }
    }

    private void fail(long upTo, ProtocolException why) {
        List<CompletableFuture<Void>> failed = new ArrayList<>();
        synchronized (unconfirmed) {
            while (!unconfirmed.isEmpty() && unconfirmed.peekFirst().batch() <= upTo) {
                failed.add(unconfirmed.pollFirst().accepted());
            }
        }
        failed.forEach(f -> f.completeExceptionally(why));
    }

    /** Stops sending; everything queued or unconfirmed fails with {@code why}. */
    void close(ProtocolException why) {
        closedBy = why;
        thread.interrupt();
        failQueued(why);
        fail(Long.MAX_VALUE, why);
    }

    private void failQueued(ProtocolException why) {
        for (Outgoing o = queue.poll(); o != null; o = queue.poll()) {
            o.accepted().completeExceptionally(why);
        }
    }
}
