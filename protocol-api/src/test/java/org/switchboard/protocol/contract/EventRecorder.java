package org.switchboard.protocol.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.SessionListener;
import org.switchboard.protocol.spi.capability.Messaging;

/**
 * Records a session's events and lets a test wait for one that matches, without sleeping:
 * every event wakes the waiters, which check all events seen so far.
 */
public final class EventRecorder implements SessionListener {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<ProtocolEvent> events = new ArrayList<>();
    private volatile SessionListener next = e -> { };

    /** Also passes every event to {@code listener} (after recording it). */
    public void forwardTo(SessionListener listener) {
        this.next = listener;
    }

    /**
     * Acts as an app does: acknowledges every incoming message as stored, which is when a
     * provider may tell its server the message was delivered.
     */
    public void acknowledgeFor(ProtocolSession session) {
        forwardTo(event -> {
            if (event instanceof ProtocolEvent.MessageReceived received
                    && received.message().direction() == Direction.INCOMING) {
                session.capability(Messaging.class)
                        .ifPresent(m -> m.stored(received.message().peer(), received.message().id()));
            }
        });
    }

    @Override
    public void onEvent(ProtocolEvent event) {
        lock.lock();
        try {
            events.add(event);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        next.onEvent(event);
    }

    public List<ProtocolEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    public <E extends ProtocolEvent> List<E> all(Class<E> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for the first event (already seen or still to come) of that type that matches. */
    public <E extends ProtocolEvent> E await(Class<E> type, Predicate<? super E> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            int checked = 0;
            while (true) {
                for (; checked < events.size(); checked++) {
                    ProtocolEvent e = events.get(checked);
                    if (type.isInstance(e) && match.test(type.cast(e))) {
                        return type.cast(e);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + type.getSimpleName() + " matching within "
                            + timeout + "; events seen: " + events);
                }
                arrived.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + type.getSimpleName(), e);
        } finally {
            lock.unlock();
        }
    }

    public <E extends ProtocolEvent> E await(Class<E> type, Duration timeout) {
        return await(type, e -> true, timeout);
    }
}
