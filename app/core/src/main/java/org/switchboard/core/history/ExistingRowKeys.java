package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Claims the de-duplication keys of the rows stored before V4, once, in the migration. Their
 * rows keep {@code dedupe_key} NULL: writing it would rewrite every row of the history, which
 * took most of the migration's time. So the delete trigger cannot find such a row's key:
 * retention removes it itself ({@link RetentionDeletes}); a row deleted any other way leaves it
 * behind, stale, and a later message with that key takes it over ({@link MessageInserter}).
 */
final class ExistingRowKeys {

    private ExistingRowKeys() {
    }

    /** Rows read, keyed and claimed at a time: bounds the memory a very large history needs. */
    private static final int CHUNK = 500_000;

    static void claim(Connection c) throws SQLException {
        long after = 0;
        while (true) {
            long[] keys = new long[CHUNK];
            long[] seqs = new long[CHUNK];
            int n = 0;
            try (PreparedStatement read = c.prepareStatement("SELECT seq, conversation, client_id FROM messages "
                    + "WHERE dedupe_key IS NULL AND seq > ? ORDER BY seq LIMIT " + CHUNK)) {
                read.setLong(1, after);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        seqs[n] = rs.getLong(1);
                        keys[n] = DedupeKey.of(rs.getString(2), rs.getString(3));
                        n++;
                    }
                }
            }
            if (n == 0) {
                return;
            }
            claimChunk(c, keys, seqs, n);
            after = seqs[n - 1];
        }
    }

    private static void claimChunk(Connection c, long[] keys, long[] seqs, int n) throws SQLException {
        // In key order, the inserts walk the key table once instead of jumping about it.
        long[] order = sortedByKey(keys, n);
        try (PreparedStatement claim = c.prepareStatement("INSERT OR IGNORE INTO message_keys (key, seq) VALUES (?, ?)")) {
            for (int from = 0; from < n; from += 10_000) {
                int to = Math.min(n, from + 10_000);
                for (int k = from; k < to; k++) {
                    int i = (int) order[k];
                    claim.setLong(1, keys[i]);
                    claim.setLong(2, seqs[i]);
                    claim.addBatch();
                }
                int[] counts = claim.executeBatch();
                for (int k = from; k < to; k++) {
                    if (counts[k - from] == 0) {
                        // (conversation, client_id) was unique before V4, so a taken key is a collision.
                        collide(c, seqs[(int) order[k]]);
                    }
                }
            }
        }
    }

    /** The indexes 0..n-1 ordered by their key. */
    private static long[] sortedByKey(long[] keys, int n) {
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        long[] result = new long[n];
        for (int k = 0; k < n; k++) {
            result[k] = order[k];
        }
        return result;
    }

    private static void collide(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO message_key_collisions "
                + "(conversation, client_id, seq) SELECT conversation, client_id, seq FROM messages WHERE seq = ?")) {
            s.setLong(1, seq);
            s.executeUpdate();
        }
    }
}
