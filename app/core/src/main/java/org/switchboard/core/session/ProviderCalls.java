package org.switchboard.core.session;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;

/**
 * Runs calls into provider code (which may be a plugin's) on threads of their own with a time
 * limit, so that a provider that blocks or throws cannot stall the core thread, and turns what
 * comes out into a {@link ProtocolException} a person can read.
 */
final class ProviderCalls implements AutoCloseable {

    private final ExecutorService threads = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("switchboard-provider-call-", 0).daemon(true).factory());

    /** Runs {@code work} on a provider-call thread; fails with a TimeoutException after {@code limit}. */
    <T> CompletableFuture<T> call(Callable<T> work, Duration limit) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            threads.execute(() -> {
                try {
                    result.complete(work.call());
                } catch (Throwable t) {
                    // Provider code: errors too (a plugin's LinkageError) must become a status, not a dead thread.
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ProtocolException(Reason.NOT_CONNECTED, "Switchboard is closing"));
        }
        return result.orTimeout(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Calls a method that returns a future, bounding both the call and the future. */
    <T> CompletableFuture<T> callAsync(Callable<CompletableFuture<T>> work, Duration callLimit, Duration resultLimit) {
        return call(work, callLimit)
                .thenCompose(f -> f != null ? f : CompletableFuture.<T>failedFuture(
                        new IllegalStateException("the provider returned no future")))
                .orTimeout(resultLimit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * What went wrong, for the account's status. A provider's own ProtocolException is kept;
     * a time-out becomes TIMEOUT; anything else is a fault of the provider: INTERNAL, not retried.
     */
    static ProtocolException describe(String action, Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ProtocolException pe) {
            return pe;
        }
        if (t instanceof TimeoutException) {
            return new ProtocolException(Reason.TIMEOUT, "The protocol provider did not finish " + action + " in time", t);
        }
        return new ProtocolException(Reason.INTERNAL, "The protocol provider failed while " + action + ": "
                + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()), t);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
