package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalLong;

/**
 * The de-duplication keys (key to seq), in two tables (docs/decisions/0010): new keys go to the
 * small {@code message_keys_recent}; when it holds {@link #MOVE_AT} keys they move to the large
 * {@code message_keys} in one statement, in key order, so each page of the large table is written
 * once per move instead of once per transaction that touches it. Used on the writer thread only.
 */
final class DedupeKeys {

    /** Small enough to stay in the page cache, large enough that a move writes most pages once. */
    static final int MOVE_AT = 65_536;

    private static final String OWNER = "SELECT seq FROM message_keys_recent WHERE key = ?1 "
            + "UNION ALL SELECT seq FROM message_keys WHERE key = ?1";

    /** Keys in the recent table; -1 until counted. Only decides when to move, so a rollback may skew it. */
    private int recent = -1;

    /**
     * Claims each key for the seq {@code base + i}, in key order so the inserts walk the table
     * once; returns which keys were already taken (by any message, possibly a deleted one).
     */
    boolean[] claim(Connection c, long[] keys, long base) throws SQLException {
        int n = keys.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong(i -> keys[i]));
        boolean[] taken = new boolean[n];
        try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO message_keys_recent (key, seq) "
                + "SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM message_keys WHERE key = ?1)")) {
            for (int i : order) {
                s.setLong(1, keys[i]);
                s.setLong(2, base + i);
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            int claimed = 0;
            for (int k = 0; k < n; k++) {
                taken[order[k]] = counts[k] == 0;
                claimed += counts[k];
            }
            countRecent(c, claimed);
        }
        moveIfFull(c);
        return taken;
    }

    /** Claims one key; false when it is taken. */
    boolean claimOne(Connection c, long key, long seq) throws SQLException {
        return !claim(c, new long[] {key}, seq)[0];
    }

    /** The seq the key belongs to, if it is taken. */
    OptionalLong owner(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(OWNER)) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Gives a key whose message is gone to another one. */
    void reassign(Connection c, long key, long from, long to) throws SQLException {
        for (String table : new String[] {"message_keys_recent", "message_keys"}) {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET seq = ? WHERE key = ? AND seq = ?")) {
                s.setLong(1, to);
                s.setLong(2, key);
                s.setLong(3, from);
                s.executeUpdate();
            }
        }
    }

    /** Frees a key claimed for a message that was not stored after all. */
    void release(Connection c, long key, long seq) throws SQLException {
        for (String table : new String[] {"message_keys_recent", "message_keys"}) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE key = ? AND seq = ?")) {
                s.setLong(1, key);
                s.setLong(2, seq);
                s.executeUpdate();
            }
        }
    }

    private void countRecent(Connection c, int claimed) throws SQLException {
        if (recent < 0) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM message_keys_recent")) {
                rs.next();
                recent = rs.getInt(1);
            }
        } else {
            recent += claimed;
        }
    }

    private void moveIfFull(Connection c) throws SQLException {
        if (recent < MOVE_AT) {
            return;
        }
        try (Statement s = c.createStatement()) {
            // A key is claimed in the recent table only while the large one lacks it, so nothing is ignored here.
            s.executeUpdate("INSERT OR IGNORE INTO message_keys (key, seq) SELECT key, seq FROM message_keys_recent ORDER BY key");
            s.executeUpdate("DELETE FROM message_keys_recent");
        }
        recent = 0;
    }
}
