package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The full-text index, in a database file of its own beside the history (docs/decisions/0011),
 * so that a thread of its own ({@link SearchIndexer}) writes it on the other core while the
 * history's writer stores messages. It holds nothing that cannot be made again from the history:
 * a missing, damaged or out-of-step index file is rebuilt at open ({@link SearchIndexCatchUp}).
 *
 * <p>The index is contentless without a per-row record (docs/decisions/0010): taking a row out
 * needs the text it was indexed with, and only a row that is in the index may be taken out.
 * {@code index_state} says what the index holds: every message up to {@code indexed_seq}, every
 * change up to {@code applied_changes} ({@link SearchIndexFeed}), made under {@link #FINGERPRINT}
 * for the history {@code history_id}; each is written in the transaction that makes it true.
 */
final class SearchIndex {

    private static final String INSERT = "INSERT INTO messages_fts (rowid, body) VALUES (?, ?)";

    /**
     * What the index's tokens depend on: {@link IndexText}'s rules (bump the first part when they
     * change) and the Unicode tables of the running Java, which its letter and case rules follow.
     */
    static final String FINGERPRINT = "index-text=1;java=" + Runtime.version().feature();

    static final String INDEXED_SEQ = "indexed_seq";
    static final String APPLIED_CHANGES = "applied_changes";
    static final String HISTORY_ID = "history_id";
    static final String FINGERPRINT_KEY = "fingerprint";

    private SearchIndex() {
    }

    /** Creates the index's tables in a new (or emptied) index file. */
    static void createTables(Connection index) throws SQLException {
        try (Statement s = index.createStatement()) {
            // FTS5's plain ascii tokenizer only splits on the spaces IndexText puts between tokens.
            s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(body, content = '', "
                    + "columnsize = 0, tokenize = 'ascii')");
            s.execute("CREATE TABLE IF NOT EXISTS index_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
    }

    /**
     * Sets how many bytes of new terms FTS5 gathers before it writes them out as a segment (its
     * own default is 1 MiB). The indexer commits every {@link SearchIndexer#COMMIT_EVERY_JOBS}
     * rows, about 15 MiB of terms: written as one segment instead of fifteen, they are merged
     * fewer times (docs/decisions/0013). Kept in the index file; set at every open so that files
     * made before it get it too.
     */
    static void setPendingTermBytes(Connection index) throws SQLException {
        try (Statement s = index.createStatement()) {
            s.execute("INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', " + PENDING_TERM_BYTES + ")");
        }
    }

    static final int PENDING_TERM_BYTES = 16 << 20;

    /** Indexes messages by seq and body. */
    static void add(Connection index, List<SearchIndexFeed.Job> jobs) throws SQLException {
        try (PreparedStatement s = index.prepareStatement(INSERT)) {
            for (SearchIndexFeed.Job job : jobs) {
                s.setLong(1, job.seq());
                s.setString(2, IndexText.of(job.newBody()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static void add(Connection index, long seq, String body) throws SQLException {
        try (PreparedStatement s = index.prepareStatement(INSERT)) {
            s.setLong(1, seq);
            s.setString(2, IndexText.of(body));
            s.executeUpdate();
        }
    }

    /** Takes a row out of the index; {@code body} is the text it was indexed with. */
    static void remove(Connection index, long seq, String body) throws SQLException {
        try (PreparedStatement s = index.prepareStatement(
                "INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', ?, ?)")) {
            s.setLong(1, seq);
            s.setString(2, IndexText.of(body));
            s.executeUpdate();
        }
    }

    /** Empties the index and makes its table again, so a change to its definition takes effect too. */
    static void clear(Connection index) throws SQLException {
        try (Statement s = index.createStatement()) {
            s.executeUpdate("DROP TABLE IF EXISTS messages_fts");
            s.executeUpdate("DELETE FROM index_state");
        }
        createTables(index);
    }
}
