package org.switchboard.nativeproto.server;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The frames waiting to be written to one connection, bounded in bytes. Other connections' threads
 * {@link #offer} and never wait: a client that does not read must not stall anybody else. The
 * connection's own thread {@link #put}s and waits for room, which slows down only that client;
 * it waits for half the queue to be free, so that pushes always have room left.
 */
final class Outbox {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private final long capacity;
    private long bytes;
    private boolean finishing;
    private boolean aborted;

    Outbox(long capacity) {
        this.capacity = capacity;
    }

    /** Queues a frame unless it does not fit or the box is closing; never waits. */
    boolean offer(byte[] frame) {
        lock.lock();
        try {
            if (finishing || aborted || bytes + frame.length > capacity) {
                return false;
            }
            add(frame);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a frame once half the box is free; false when that takes longer than {@code timeoutNanos}. */
    boolean put(byte[] frame, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (!finishing && !aborted && bytes > 0 && bytes + frame.length > capacity / 2) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            if (finishing || aborted) {
                return false;
            }
            add(frame);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next frame to write, waiting for one; null once the box is closed (and, when finishing, empty). */
    byte[] take() throws InterruptedException {
        lock.lock();
        try {
            while (frames.isEmpty() && !finishing && !aborted) {
                changed.await(1, TimeUnit.SECONDS);
            }
            if (aborted || frames.isEmpty()) {
                return null;
            }
            byte[] frame = frames.removeFirst();
            bytes -= frame.length;
            changed.signalAll();
            return frame;
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more frames; those queued are still written. */
    void finish() {
        lock.lock();
        try {
            finishing = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops everything: the connection is being cut. */
    void abort() {
        lock.lock();
        try {
            aborted = true;
            frames.clear();
            bytes = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean aborted() {
        lock.lock();
        try {
            return aborted;
        } finally {
            lock.unlock();
        }
    }

    private void add(byte[] frame) {
        frames.addLast(frame);
        bytes += frame.length;
        changed.signalAll();
    }
}
