package org.switchboard.core.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log back into the database file on its own thread and connection, after
 * commits, so the writer does not stop for it: checkpointing inside the commit took a third of
 * the writer's time on a large history (docs/decisions/0010). Passive checkpoints never block
 * the writer or readers. The writer keeps SQLite's own automatic checkpoint at a high mark as a
 * backstop, should this thread fall behind.
 */
final class WalCheckpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    /** Pages (4 KiB) in the log before the writer checkpoints by itself. */
    static final int WRITER_BACKSTOP_PAGES = 16_384;

    private final Connection connection;
    private final Semaphore commits = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    WalCheckpointer(Path file) throws SQLException {
        this.connection = HistoryConnections.reader(file);
        this.thread = Thread.ofPlatform().name("switchboard-history-checkpoint").daemon(true).start(this::loop);
    }

    /** Called by the writer after each commit; returns at once. */
    void committed() {
        commits.release();
    }

    private void loop() {
        while (!closed) {
            try {
                commits.acquire();
            } catch (InterruptedException e) {
                break;
            }
            // Commits that came in meanwhile are covered by this one checkpoint.
            commits.drainPermits();
            if (!closed) {
                checkpoint();
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the checkpoint connection failed", e);
        }
    }

    private void checkpoint() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
        } catch (SQLException e) {
            // The writer's backstop checkpoint still bounds the log; nothing is lost.
            LOG.warn("background checkpoint failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        commits.release();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
