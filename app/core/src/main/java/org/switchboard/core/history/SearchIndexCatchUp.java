package org.switchboard.core.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the search index beside the history and brings it up to date before the history takes
 * writes (docs/decisions/0011). Messages stored after the index's {@code indexed_seq} (the index
 * thread had not written them when the app stopped) are indexed from the history. An index that
 * cannot be brought up to date that way is rebuilt from every message: one that missed a
 * correction or deletion, was built by other rules or for another history, is damaged, or is new.
 */
final class SearchIndexCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexCatchUp.class);

    private SearchIndexCatchUp() {
    }

    /** The index file kept beside a history file. */
    static Path fileFor(Path history) {
        String name = history.getFileName().toString();
        String base = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        return history.resolveSibling(base + "-search.db");
    }

    /** An up-to-date index connection, in autocommit mode; {@code history} is read in its own transaction. */
    static Connection open(Path indexFile, Connection history) throws SQLException, IOException {
        try {
            return openAndCatchUp(indexFile, history);
        } catch (SQLException | RuntimeException e) {
            // Damaged, or unreadable in any other way: nothing in the index is the only copy of
            // anything, so it is started again (once; a second failure is the caller's).
            LOG.warn("the search index {} cannot be used and is rebuilt: {}", indexFile, e.getMessage());
            delete(indexFile);
            return openAndCatchUp(indexFile, history);
        }
    }

    private static Connection openAndCatchUp(Path indexFile, Connection history) throws SQLException {
        Connection index = HistoryConnections.writer(indexFile, 16 << 10);
        try {
            SearchIndex.createTables(index);
            index.setAutoCommit(false);
            HistoryView view = HistoryView.read(history);
            if (!matches(index, view)) {
                SearchIndex.clear(index);
                KeyValues.SEARCH_INDEX.set(index, SearchIndex.FINGERPRINT_KEY, SearchIndex.FINGERPRINT);
                KeyValues.SEARCH_INDEX.set(index, SearchIndex.HISTORY_ID, view.id());
                KeyValues.SEARCH_INDEX.set(index, SearchIndex.APPLIED_CHANGES, view.changes());
                KeyValues.SEARCH_INDEX.set(index, SearchIndex.INDEXED_SEQ, 0);
            }
            SearchIndex.setPendingTermBytes(index);
            indexRowsAfter(index, history, KeyValues.SEARCH_INDEX.getNumber(index, SearchIndex.INDEXED_SEQ, -1), view.lastSeq());
            index.commit();
            index.setAutoCommit(true);
            return index;
        } catch (SQLException | RuntimeException e) {
            try {
                index.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Whether the index holds a prefix of this history's rows, with every change applied, by today's rules. */
    private static boolean matches(Connection index, HistoryView view) throws SQLException {
        return SearchIndex.FINGERPRINT.equals(KeyValues.SEARCH_INDEX.get(index, SearchIndex.FINGERPRINT_KEY))
                && view.id().equals(KeyValues.SEARCH_INDEX.get(index, SearchIndex.HISTORY_ID))
                && KeyValues.SEARCH_INDEX.getNumber(index, SearchIndex.APPLIED_CHANGES, -1) == view.changes()
                && KeyValues.SEARCH_INDEX.getNumber(index, SearchIndex.INDEXED_SEQ, -1) >= 0
                && KeyValues.SEARCH_INDEX.getNumber(index, SearchIndex.INDEXED_SEQ, -1) <= view.lastSeq();
    }

    private static void indexRowsAfter(Connection index, Connection history, long after, long lastSeq)
            throws SQLException {
        if (after >= lastSeq) {
            return;
        }
        try (PreparedStatement read = history.prepareStatement("SELECT seq, body FROM message_rows WHERE seq > ? ORDER BY seq");
             PreparedStatement write = index.prepareStatement("INSERT INTO messages_fts (rowid, body) VALUES (?, ?)")) {
            read.setLong(1, after);
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
        KeyValues.SEARCH_INDEX.set(index, SearchIndex.INDEXED_SEQ, lastSeq);
    }

    static void delete(Path indexFile) throws IOException {
        for (String suffix : List.of("-wal", "-shm", "")) {
            Files.deleteIfExists(indexFile.resolveSibling(indexFile.getFileName() + suffix));
        }
    }

    /** What the history says the index must hold, read in one go. */
    private record HistoryView(String id, long changes, long lastSeq) {

        static HistoryView read(Connection history) throws SQLException {
            return new HistoryView(SearchIndexFeed.historyId(history), SearchIndexFeed.changes(history),
                    MessageInserter.nextSeq(history) - 1);
        }
    }
}
