package org.switchboard.xmpp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.spi.SessionListener;

/**
 * The one way a session's events reach the app: a thread of the session's own, one event at a
 * time, in the order Smack's threads reported them. Smack's threads only queue immutable events
 * here, so a slow or blocking listener never stalls the XMPP connection.
 */
final class EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventSink.class);

    private final SessionListener listener;
    private final ExecutorService thread;

    EventSink(SessionListener listener, String name) {
        this.listener = listener;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("xmpp-events-" + name).factory());
    }

    void emit(ProtocolEvent event) {
        try {
            thread.execute(() -> {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("The session listener failed on {}", event, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("Dropped {} after close", event);
        }
    }

    /**
     * Completes once every event emitted before this call has reached the listener: a command
     * whose events must be seen before it completes (an archive fetch) waits on it.
     */
    CompletableFuture<Void> delivered() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            thread.execute(() -> done.complete(null));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            done.complete(null);
        }
        return done;
    }

    /** Delivers what is queued, then stops the thread. */
    void close() {
        thread.shutdown();
    }
}
