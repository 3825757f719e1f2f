package org.switchboard.core.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Connections to the history's files, set up the same way wherever they are opened. */
final class HistoryConnections {

    private HistoryConnections() {
    }

    /** A connection that writes {@code file} in WAL mode, with a page cache of {@code cacheKib}. */
    static Connection writer(Path file, int cacheKib) throws SQLException {
        Connection c = reader(file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA cache_size = -" + cacheKib);
            s.execute("PRAGMA wal_autocheckpoint = " + WalCheckpointer.WRITER_BACKSTOP_PAGES);
            // A log grown by a large batch is cut back once checkpointed, not kept at its peak.
            s.execute("PRAGMA journal_size_limit = " + (32L << 20));
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** A connection that waits up to five seconds for a lock instead of failing at once. */
    static Connection reader(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
        }
        return c;
    }
}
