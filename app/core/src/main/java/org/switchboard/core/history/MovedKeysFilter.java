package org.switchboard.core.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link KeyFilter} of the keys in the runs of keys ({@link KeyRuns}): built at open from the table, on a
 * thread and connection of its own, then kept by the writer, which adds every key it moves into
 * the table (docs/decisions/0011). Until it is built, {@link #mightHold} says yes to everything.
 */
final class MovedKeysFilter {

    private static final Logger LOG = LoggerFactory.getLogger(MovedKeysFilter.class);

    /** Past this many keys moved before the filter is ready, the filter is given up (it would be too late to matter). */
    private static final int MAX_EARLY_KEYS = 1 << 20;

    /** Set by the thread that builds the filter; taken over by the writer on its next use. */
    private volatile KeyFilter built;
    /** The filter in use, on the writer thread; null until built. */
    private KeyFilter filter;
    /** Keys moved while the filter was being built (it may have read the table before them); null once it is in use or given up. */
    private long[] earlyKeys = new long[1024];
    private int earlyCount;

    /** Builds the filter from the keys stored in {@code file}; call before the first key is moved. */
    CompletableFuture<Void> build(Path file) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofPlatform().name("switchboard-history-key-filter").daemon(true).start(() -> {
            try (Connection c = HistoryConnections.reader(file)) {
                c.setAutoCommit(false);
                // One read transaction: the count and the keys come from the same snapshot.
                // Room for the history to double, and a million more, before the filter saturates.
                KeyFilter f = new KeyFilter(KeyRuns.capacity(c) * 2 + 1_000_000);
                KeyRuns.forEachKey(c, f::add);
                c.rollback();
                built = f;
                ready.complete(null);
            } catch (SQLException | RuntimeException | OutOfMemoryError e) {
                // Without the filter every new key is looked up, as before it existed.
                LOG.warn("the filter of stored message keys could not be built; new messages are looked up one by one", e);
                ready.completeExceptionally(e);
            } finally {
                // Whatever else went wrong, no one waits for it forever.
                ready.completeExceptionally(new IllegalStateException("the key filter was not built"));
            }
        });
        return ready;
    }

    /** False only when {@code key} is certainly not in the runs of keys ({@link KeyRuns}). */
    boolean mightHold(long key) {
        KeyFilter f = filter();
        return f == null || f.mightContain(key);
    }

    /** A key went into the runs of keys ({@link KeyRuns}). */
    void moved(long key) {
        KeyFilter f = filter();
        if (f != null) {
            f.add(key);
        } else if (earlyKeys != null) {
            if (earlyCount == MAX_EARLY_KEYS) {
                earlyKeys = null;
                return;
            }
            if (earlyCount == earlyKeys.length) {
                earlyKeys = Arrays.copyOf(earlyKeys, earlyCount * 2);
            }
            earlyKeys[earlyCount++] = key;
        }
    }

    /** The filter, once built and brought up to date with the keys moved meanwhile; else null. */
    private KeyFilter filter() {
        if (filter == null && built != null && earlyKeys != null) {
            filter = built;
            for (int i = 0; i < earlyCount; i++) {
                filter.add(earlyKeys[i]);
            }
            earlyKeys = null;
        }
        return filter;
    }
}
