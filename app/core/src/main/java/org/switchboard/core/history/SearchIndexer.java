package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the search index on a thread and connection of its own, from what the history's
 * writer committed, in the order it committed it (docs/decisions/0011). Each pass writes every
 * transaction waiting, with the index's state, in one transaction of the index file.
 *
 * <p>A search waits for {@link #caughtUp()}, so it sees every message stored before it was asked.
 * The writer waits when the index is {@link #MAX_BEHIND} jobs behind, so a long import cannot
 * pile up index work in memory.
 */
final class SearchIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

    static final int MAX_BEHIND = 50_000;
    /** New rows written before a commit, when nothing asks for one sooner: FTS5 makes them one segment. */
    static final int COMMIT_EVERY_JOBS = 100_000;
    /** How long written rows may wait uncommitted, however many come meanwhile. */
    static final Duration MAX_UNCOMMITTED = Duration.ofSeconds(1);

    private record Waiter(long target, CompletableFuture<Void> future) {
    }

    private final Connection index;
    private final Runnable afterCommit;
    private final long maxUncommittedNanos;
    private final Object lock = new Object();
    private final Deque<List<SearchIndexFeed.Job>> queue = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Thread thread;
    /** Guarded by {@link #lock}. */
    private int queuedJobs;
    private long published;
    private long applied;
    private Exception failure;
    private boolean closed;
    /** The index's state; on the index thread only. */
    private long indexedSeq;
    private long appliedChanges;

    /** An index that could not be opened: nothing is written to it and searches fail with {@code cause}. */
    static SearchIndexer unavailable(Exception cause) {
        return new SearchIndexer(cause);
    }

    private SearchIndexer(Exception cause) {
        this.index = null;
        this.afterCommit = () -> { };
        this.maxUncommittedNanos = 0;
        this.thread = null;
        this.failure = cause;
    }

    /** {@code index} is up to date ({@link SearchIndexCatchUp}); {@code afterCommit} runs after each index commit. */
    SearchIndexer(Connection index, Runnable afterCommit) throws SQLException {
        this(index, afterCommit, MAX_UNCOMMITTED);
    }

    /** As above; written rows wait at most {@code maxUncommitted} for a commit when no search asks for one. */
    SearchIndexer(Connection index, Runnable afterCommit, Duration maxUncommitted) throws SQLException {
        this.index = index;
        this.maxUncommittedNanos = maxUncommitted.toNanos();
        this.afterCommit = afterCommit;
        this.indexedSeq = KeyValues.SEARCH_INDEX.getNumber(index, SearchIndex.INDEXED_SEQ, -1);
        this.appliedChanges = KeyValues.SEARCH_INDEX.getNumber(index, SearchIndex.APPLIED_CHANGES, -1);
        index.setAutoCommit(false);
        this.thread = Thread.ofPlatform().name("switchboard-history-search-index").daemon(true).start(this::loop);
    }

    /** One committed transaction's jobs; on the writer thread, which waits here while the index is far behind. */
    void accept(List<SearchIndexFeed.Job> jobs) {
        synchronized (lock) {
            boolean interrupted = false;
            while (queuedJobs >= MAX_BEHIND && failure == null && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                // The index has stopped; the next open catches it up or rebuilds it.
                return;
            }
            queue.add(jobs);
            queuedJobs += jobs.size();
            published++;
            lock.notifyAll();
        }
    }

    /** Completes once everything committed before this call is in the index. */
    CompletableFuture<Void> caughtUp() {
        synchronized (lock) {
            if (failure != null) {
                return CompletableFuture.failedFuture(stopped());
            }
            if (applied >= published) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            waiters.add(new Waiter(published, future));
            // The index thread may be holding rows uncommitted; a waiting search has it commit now.
            lock.notifyAll();
            return future;
        }
    }

    private IllegalStateException stopped() {
        return new IllegalStateException("the search index could not be updated (" + failure.getMessage()
                + "); it is brought up to date when the history is opened again", failure);
    }

    private void loop() {
        try {
            writeUntilClosed();
        } catch (Throwable t) {
            // Even an Error: a thread that died silently would leave the writer waiting on it for good.
            fail(t instanceof Exception e ? e : new IllegalStateException(t.toString(), t));
            throw t;
        } finally {
            try {
                index.close();
            } catch (SQLException e) {
                LOG.warn("closing the search index connection failed", e);
            }
        }
    }

    private void writeUntilClosed() {
        Uncommitted uncommitted = new Uncommitted(maxUncommittedNanos);
        while (true) {
            List<List<SearchIndexFeed.Job>> work = new ArrayList<>();
            boolean closing;
            synchronized (lock) {
                while (queue.isEmpty() && !closed && !uncommitted.due(!waiters.isEmpty())) {
                    try {
                        lock.wait(uncommitted.any() ? uncommitted.millisUntilOld() : 0);
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                work.addAll(queue);
                queue.clear();
                for (List<SearchIndexFeed.Job> transaction : work) {
                    queuedJobs -= transaction.size();
                }
                // The writer waits on what is queued, not on what is written and not yet committed.
                lock.notifyAll();
                closing = closed;
            }
            if (!work.isEmpty() && !apply(work, uncommitted)) {
                return;
            }
            boolean due = uncommitted.any() && (closing || uncommitted.due(hasWaiters()));
            if (due && !commit(uncommitted)) {
                return;
            }
            if (closing) {
                return;
            }
        }
    }

    private boolean hasWaiters() {
        synchronized (lock) {
            return !waiters.isEmpty();
        }
    }

    /**
     * What is written to the index and not yet committed. Commits are spaced (docs/decisions/0013):
     * each makes FTS5 write its pending terms as a new segment and merge segments, which cost
     * about half of this thread's time when it committed after every history transaction. Nothing
     * is lost by waiting: after a crash the index catches up from {@code indexed_seq} at open.
     */
    private static final class Uncommitted {
        final long maxNanos;
        int transactions;
        int jobs;
        boolean changes;
        /** When the oldest uncommitted row was written (System.nanoTime). */
        long since;

        Uncommitted(long maxNanos) {
            this.maxNanos = maxNanos;
        }

        boolean any() {
            return transactions > 0;
        }

        /**
         * Whether to commit now: a search waits; enough new rows for a large segment; a change to an
         * indexed row (an index that missed one cannot catch up row by row and is rebuilt whole at
         * open, so a change is not kept waiting); or the oldest row has waited long enough.
         */
        boolean due(boolean searchWaits) {
            return any() && (searchWaits || jobs >= COMMIT_EVERY_JOBS || changes
                    || System.nanoTime() - since >= maxNanos);
        }

        long millisUntilOld() {
            return Math.max(1, (since + maxNanos - System.nanoTime()) / 1_000_000);
        }

        void added(List<SearchIndexFeed.Job> transaction, boolean change) {
            if (!any()) {
                since = System.nanoTime();
            }
            transactions++;
            jobs += transaction.size();
            changes |= change;
        }

        void committed() {
            transactions = 0;
            jobs = 0;
            changes = false;
        }
    }

    private boolean apply(List<List<SearchIndexFeed.Job>> work, Uncommitted uncommitted) {
        try {
            for (List<SearchIndexFeed.Job> transaction : work) {
                uncommitted.added(transaction, apply(transaction));
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            return failed(e);
        }
    }

    private boolean commit(Uncommitted uncommitted) {
        try {
            KeyValues.SEARCH_INDEX.set(index, SearchIndex.INDEXED_SEQ, indexedSeq);
            KeyValues.SEARCH_INDEX.set(index, SearchIndex.APPLIED_CHANGES, appliedChanges);
            index.commit();
        } catch (SQLException | RuntimeException e) {
            return failed(e);
        }
        afterCommit.run();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (lock) {
            applied += uncommitted.transactions;
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.target() <= applied) {
                    done.add(w.future());
                    it.remove();
                }
            }
        }
        uncommitted.committed();
        done.forEach(f -> f.complete(null));
        return true;
    }

    private boolean failed(Exception e) {
        LOG.error("the search index could not be updated; searches fail until the history is opened again", e);
        try {
            index.rollback();
        } catch (SQLException rollback) {
            e.addSuppressed(rollback);
        }
        fail(e);
        return false;
    }

    /** Applies one history transaction's jobs, in order; runs of new rows go in one batch. Whether any was a change. */
    private boolean apply(List<SearchIndexFeed.Job> jobs) throws SQLException {
        boolean changes = false;
        int runStart = 0;
        for (int i = 0; i <= jobs.size(); i++) {
            boolean newRow = i < jobs.size() && jobs.get(i).isNewRow();
            if (newRow) {
                continue;
            }
            if (i > runStart) {
                List<SearchIndexFeed.Job> run = jobs.subList(runStart, i);
                SearchIndex.add(index, run);
                indexedSeq = Math.max(indexedSeq, run.getLast().seq());
            }
            runStart = i + 1;
            if (i < jobs.size()) {
                change(jobs.get(i));
                changes = true;
            }
        }
        return changes;
    }

    private void change(SearchIndexFeed.Job job) throws SQLException {
        // Only a row the index holds can be taken out of it (a contentless index trusts the caller).
        if (job.seq() <= indexedSeq) {
            SearchIndex.remove(index, job.seq(), job.oldBody());
        }
        if (job.newBody() != null) {
            SearchIndex.add(index, job.seq(), job.newBody());
        }
        appliedChanges = Math.max(appliedChanges, job.change());
    }

    private void fail(Exception e) {
        List<Waiter> failed;
        synchronized (lock) {
            failure = e;
            failed = List.copyOf(waiters);
            waiters.clear();
            queue.clear();
            queuedJobs = 0;
            lock.notifyAll();
        }
        failed.forEach(w -> w.future().completeExceptionally(stopped()));
    }

    /** Writes what is queued, then stops; waits at most {@code timeoutMillis}. */
    void close(long timeoutMillis) {
        if (thread == null) {
            return;
        }
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("the search index did not finish within {} ms; it catches up at the next open", timeoutMillis);
        }
    }

    @Override
    public void close() {
        close(10_000);
    }
}
