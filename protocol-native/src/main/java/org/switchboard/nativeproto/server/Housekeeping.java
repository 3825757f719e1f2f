package org.switchboard.nativeproto.server;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's timers: login deadlines, the watchdog that cuts connections whose client stopped
 * reading in the middle of a write, and the hourly purge of expired offline items. Each task is
 * short; anything that may take longer (closing a connection tells its contacts) runs on a
 * virtual thread of its own.
 */
final class Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final ScheduledThreadPoolExecutor timer;

    Housekeeping(Collection<ClientConnection> connections, Duration writeTimeout, QueueStore queue) {
        timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("native-server-timer").factory());
        timer.setRemoveOnCancelPolicy(true);
        long every = Math.max(50, Math.min(1000, writeTimeout.toMillis() / 4));
        timer.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            for (ClientConnection connection : connections) {
                if (connection.writeStuck(now)) {
                    connection.cut("a write took longer than "
                            + writeTimeout.toMillis() + " ms");
                }
            }
        }, every, every, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> {
            try {
                int removed = queue.purgeExpired();
                if (removed > 0) {
                    LOG.info("Dropped {} expired offline messages, receipts and log entries", removed);
                }
            } catch (java.sql.SQLException | RuntimeException e) {
                LOG.warn("Could not drop expired offline items: {}", e.getMessage());
            }
        }, 0, 1, TimeUnit.HOURS);
    }

    ScheduledFuture<?> after(Duration delay, Runnable task) {
        return timer.schedule(() -> Thread.ofVirtual().start(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
