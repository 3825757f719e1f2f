package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A table of key-value records: the history's own ({@code history_meta}: its identity, counters
 * and marks) and the search index's ({@code index_state}, in its file).
 */
record KeyValues(String table) {

    static final KeyValues HISTORY = new KeyValues("history_meta");
    static final KeyValues SEARCH_INDEX = new KeyValues("index_state");

    /** The value recorded under {@code key}, or null. */
    String get(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM " + table + " WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    long getNumber(Connection c, String key, long absent) throws SQLException {
        String value = get(c, key);
        return value == null ? absent : Long.parseLong(value);
    }

    void set(Connection c, String key, Object value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT OR REPLACE INTO " + table + " (key, value) VALUES (?, ?)")) {
            s.setString(1, key);
            s.setString(2, String.valueOf(value));
            s.executeUpdate();
        }
    }
}
