package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The history's own key-value records ({@code history_meta}): its identity, counters and marks. */
final class HistoryMeta {

    private HistoryMeta() {
    }

    /** The value recorded under {@code key}, or null. */
    static String get(Connection history, String key) throws SQLException {
        try (PreparedStatement s = history.prepareStatement("SELECT value FROM history_meta WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static long getNumber(Connection history, String key, long absent) throws SQLException {
        String value = get(history, key);
        return value == null ? absent : Long.parseLong(value);
    }

    static void set(Connection history, String key, Object value) throws SQLException {
        try (PreparedStatement s = history.prepareStatement(
                "INSERT OR REPLACE INTO history_meta (key, value) VALUES (?, ?)")) {
            s.setString(1, key);
            s.setString(2, String.valueOf(value));
            s.executeUpdate();
        }
    }
}
