package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes rows of the full-text index, in the caller's transaction so a message and its index
 * entry are committed together. Done here rather than by a trigger because the index text
 * ({@link IndexText}) is computed in Java: calling a Java SQL function from a trigger costs
 * more than the rest of the insert (docs/decisions/0006).
 */
final class SearchIndex {

    private SearchIndex() {
    }

    static void index(Connection c, long seq, String body) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO messages_fts (rowid, body) VALUES (?, ?)")) {
            s.setLong(1, seq);
            s.setString(2, IndexText.of(body));
            s.executeUpdate();
        }
    }

    /** The newest seq stored; with one writer, rows after it are the ones this transaction adds. */
    static long lastSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM messages")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Indexes every message after {@code seq}: a batch just stored, or all rows when the index is new. */
    static void indexRowsAfter(Connection c, long seq) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT seq, body FROM messages WHERE seq > ? ORDER BY seq");
             PreparedStatement write = c.prepareStatement("INSERT INTO messages_fts (rowid, body) VALUES (?, ?)")) {
            read.setLong(1, seq);
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
    }
}
