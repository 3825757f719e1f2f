package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.switchboard.core.conversation.StoredMessage;

/**
 * Writes rows of the full-text index, in the caller's transaction so a message and its index
 * entry are committed together. Done here rather than by a trigger because the index text
 * ({@link IndexText}) is computed in Java: calling a Java SQL function from a trigger costs
 * more than the rest of the insert (docs/decisions/0006). The index is contentless without a
 * per-row record (docs/decisions/0010), so taking a row out needs the text it was indexed with,
 * and only a row that is in the index may be taken out.
 */
final class SearchIndex {

    private static final String INSERT = "INSERT INTO messages_fts (rowid, body) VALUES (?, ?)";

    /**
     * What the index's tokens depend on: {@link IndexText}'s rules (bump the first part when they
     * change) and the Unicode tables of the running Java, which its letter and case rules follow.
     */
    static final String FINGERPRINT = "index-text=1;java=" + Runtime.version().feature();

    private static final String FINGERPRINT_KEY = "search_index";

    private SearchIndex() {
    }

    /** Indexes stored messages whose index text ({@link IndexText#of}) is already made. */
    static void index(Connection c, List<StoredMessage> messages, Function<StoredMessage, String> indexText)
            throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (StoredMessage m : messages) {
                s.setLong(1, m.seq());
                s.setString(2, indexText.apply(m));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static void index(Connection c, long seq, String body) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setLong(1, seq);
            s.setString(2, IndexText.of(body));
            s.executeUpdate();
        }
    }

    /** Takes a stored row out of the index; {@code body} is the text it was indexed with. */
    static void remove(Connection c, long seq, String body) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', ?, ?)")) {
            s.setLong(1, seq);
            s.setString(2, IndexText.of(body));
            s.executeUpdate();
        }
    }

    /** {@link #rebuildIfStale} in a transaction of its own (at open, before the writer starts). */
    static void rebuildIfStaleInTransaction(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            rebuildIfStale(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Rebuilds the index when it was made under other rules or another Java; true when it did. */
    static boolean rebuildIfStale(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM history_meta WHERE key = ?")) {
            s.setString(1, FINGERPRINT_KEY);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getString(1).equals(FINGERPRINT)) {
                    return false;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO messages_fts (messages_fts) VALUES ('delete-all')")) {
            s.executeUpdate();
        }
        indexAllRows(c);
        return true;
    }

    /** Indexes every stored message into an empty index and records what it was built with. */
    static void indexAllRows(Connection c) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT seq, body FROM messages ORDER BY seq");
             PreparedStatement write = c.prepareStatement(INSERT)) {
            int pending = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    write.setLong(1, rs.getLong(1));
                    write.setString(2, IndexText.of(rs.getString(2)));
                    write.addBatch();
                    if (++pending == 5_000) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO history_meta (key, value) VALUES (?, ?)")) {
            s.setString(1, FINGERPRINT_KEY);
            s.setString(2, FINGERPRINT);
            s.executeUpdate();
        }
    }
}
