package org.switchboard.core.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's one event thread. Every provider event and every state change runs here, in the
 * order submitted, so the core's state needs no locks. Delayed work (back-off, coalescing) is
 * scheduled on the same thread.
 */
public final class CoreThread implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(CoreThread.class);

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    public CoreThread() {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Thread.ofPlatform().name("switchboard-core").daemon(true).unstarted(r);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public boolean isCoreThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs a task on the core thread; a failure is logged and never stops the thread. */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(() -> runLogged(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("core is closed; dropped a task");
        }
    }

    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return executor.schedule(() -> runLogged(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Computes a value on the core thread. */
    public <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the core is closed", e));
        }
        return result;
    }

    public void shutdown(Duration wait) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("core thread still busy after {}; interrupting it", wait);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("core task failed", e);
        }
    }
}
