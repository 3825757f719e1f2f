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

    /** Indexes every stored message: the index is new (a migration). */
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
    }
}
