package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes history. It drains everything queued into one transaction, so a
 * burst of messages costs one commit (one fsync) instead of one each. Futures complete on this
 * thread after the commit, so a completed write is durable and visible to readers.
 */
final class HistoryWriter {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private record Op<T>(Work<T> work, CompletableFuture<T> future) {
    }

    private static final Op<Void> STOP = new Op<>(c -> null, new CompletableFuture<>());

    private final Connection connection;
    private final Runnable afterCommit;
    private final SearchIndexFeed searchFeed;
    private final Runnable rolledBack;
    private final BlockingQueue<Op<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * {@code afterCommit} runs on this thread after each commit and must return at once;
     * {@code searchFeed} collects each transaction's work for the search index and hands it on once committed;
     * {@code rolledBack} runs on this thread after any rollback, whole or to a savepoint (state kept in memory is stale).
     */
    HistoryWriter(Connection connection, SearchIndexFeed searchFeed, Runnable rolledBack, Runnable afterCommit)
            throws SQLException {
        this.connection = connection;
        this.searchFeed = searchFeed;
        this.rolledBack = rolledBack;
        this.afterCommit = afterCommit;
        connection.setAutoCommit(false);
        thread = Thread.ofPlatform().name("switchboard-history-writer").daemon(true).start(this::loop);
    }

    <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new IllegalStateException("history is closed"));
            return future;
        }
        queue.add(new Op<>(work, future));
        return future;
    }

    /** Completes once everything submitted before it is committed. */
    CompletableFuture<Void> flush() {
        return submit(c -> null);
    }

    /** Writes what is queued, then stops; waits at most {@code timeoutMillis}. */
    void close(long timeoutMillis) {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("history writer did not finish within {} ms", timeoutMillis);
            thread.interrupt();
        }
    }

    private void loop() {
        List<Op<?>> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                Op<?> first = queue.poll(1, TimeUnit.DAYS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
            } catch (InterruptedException e) {
                stop = true;
                queue.drainTo(batch);
            }
            stop |= batch.remove(STOP);
            if (!batch.isEmpty()) {
                runBatch(batch);
                batch.clear();
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the history writer connection failed", e);
        }
    }

    private void runBatch(List<Op<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        try {
            for (Op<?> op : batch) {
                completions.add(runOne(op));
            }
        } catch (BatchBroken e) {
            LOG.error("history batch rolled back; {} writes lost", batch.size(), e);
            rollbackQuietly();
            searchFeed.discard();
            rolledBack.run();
            batch.forEach(op -> op.future().completeExceptionally(e));
            return;
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            LOG.error("history commit failed; {} writes lost", batch.size(), e);
            rollbackQuietly();
            searchFeed.discard();
            rolledBack.run();
            batch.forEach(op -> op.future().completeExceptionally(e));
            return;
        }
        // Before the futures complete: a search asked after a write completed waits for its index entry.
        searchFeed.publish();
        afterCommit.run();
        completions.forEach(Runnable::run);
    }

    /**
     * Runs one write inside a savepoint: a write of several statements (a message, its key and its
     * index entry) that fails halfway is undone whole, and the rest of the batch still commits.
     */
    private <T> Runnable runOne(Op<T> op) {
        int searchMark = searchFeed.mark();
        try (Statement s = connection.createStatement()) {
            s.execute("SAVEPOINT op");
            try {
                T result = op.work().run(connection);
                s.execute("RELEASE op");
                return () -> op.future().complete(result);
            } catch (SQLException | RuntimeException e) {
                undo(s, e);
                searchFeed.undoTo(searchMark);
                rolledBack.run();
                LOG.warn("history write failed and was undone", e);
                return () -> op.future().completeExceptionally(e);
            }
        } catch (SQLException e) {
            LOG.warn("history write could not be started", e);
            return () -> op.future().completeExceptionally(e);
        }
    }

    /** Undoes one write; if even that fails, the whole batch must not commit half of it. */
    private static void undo(Statement s, Exception cause) {
        try {
            s.execute("ROLLBACK TO op");
            s.execute("RELEASE op");
        } catch (SQLException e) {
            e.addSuppressed(cause);
            throw new BatchBroken(e);
        }
    }

    /** A write could not be undone alone: the batch is rolled back and every write in it fails. */
    private static final class BatchBroken extends RuntimeException {
        BatchBroken(SQLException cause) {
            super("a failed history write could not be undone alone", cause);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("history rollback failed", e);
        }
    }
}
