package org.switchboard.core.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The de-duplication keys (key to seq), in two tables (docs/decisions/0010): new keys go to the
 * small {@code message_keys_recent}; when it holds {@link #MOVE_AT} keys they move to the large
 * {@code message_keys} in one statement, in key order, so each page of the large table is written
 * once per move instead of once per transaction that touches it. A {@link KeyFilter} of the stored
 * keys spares the look-up in the large table for nearly every new key (docs/decisions/0011). Used
 * on the writer thread only, except {@link #buildFilter}.
 */
final class DedupeKeys {

    private static final Logger LOG = LoggerFactory.getLogger(DedupeKeys.class);

    /** Small enough to stay in the page cache, large enough that a move writes most pages once. */
    static final int MOVE_AT = 65_536;

    private static final String OWNER = "SELECT seq FROM message_keys_recent WHERE key = ?1 "
            + "UNION ALL SELECT seq FROM message_keys WHERE key = ?1";

    private static final String CLAIM_CHECKED = "INSERT OR IGNORE INTO message_keys_recent (key, seq) "
            + "SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM message_keys WHERE key = ?1)";
    /** For a key the filter says is not in message_keys. */
    private static final String CLAIM_UNSEEN = "INSERT OR IGNORE INTO message_keys_recent (key, seq) VALUES (?1, ?2)";

    /** Past this many keys claimed before the filter is ready, the filter is given up (it would be too late to matter). */
    private static final int MAX_EARLY_KEYS = 1 << 20;

    /** Keys in the recent table; -1 until counted. Only decides when to move, so a rollback may skew it. */
    private int recent = -1;

    /** Set by the thread that builds the filter; taken over by the writer on its next claim. */
    private volatile KeyFilter built;
    /** The filter in use, on the writer thread; null until built. */
    private KeyFilter filter;
    /** Keys claimed while the filter was being built (it read the tables before them); null once it is in use or given up. */
    private long[] earlyKeys = new long[1024];
    private int earlyCount;

    /**
     * Builds the filter from the keys stored in {@code file}, on a thread and connection of its
     * own; until it is ready every claim looks its key up. Call before the first claim.
     */
    CompletableFuture<Void> buildFilter(Path file) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofPlatform().name("switchboard-history-key-filter").daemon(true).start(() -> {
            try (Connection c = HistoryStore.connect(file)) {
                c.setAutoCommit(false);
                // One read transaction: the count and the keys come from the same snapshot.
                KeyFilter f;
                try (Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM message_keys) "
                            + "+ (SELECT COUNT(*) FROM message_keys_recent)")) {
                        rs.next();
                        // Room for the history to double, and a million more, before the filter saturates.
                        f = new KeyFilter(rs.getLong(1) * 2 + 1_000_000);
                    }
                    for (String table : new String[] {"message_keys", "message_keys_recent"}) {
                        try (ResultSet rs = s.executeQuery("SELECT key FROM " + table)) {
                            while (rs.next()) {
                                f.add(rs.getLong(1));
                            }
                        }
                    }
                }
                c.rollback();
                built = f;
                ready.complete(null);
            } catch (SQLException | RuntimeException e) {
                // Without the filter every claim looks its key up, as before it existed.
                LOG.warn("the filter of stored message keys could not be built; new messages are looked up one by one", e);
                ready.completeExceptionally(e);
            }
        });
        return ready;
    }

    /** The filter, once built and brought up to date with the keys claimed meanwhile; else null. */
    private KeyFilter filter() {
        if (filter == null && built != null && earlyKeys != null) {
            filter = built;
            for (int i = 0; i < earlyCount; i++) {
                filter.add(earlyKeys[i]);
            }
            earlyKeys = null;
        }
        return filter;
    }

    private void remember(long key) {
        if (filter != null) {
            filter.add(key);
        } else if (earlyKeys != null) {
            if (earlyCount == MAX_EARLY_KEYS) {
                earlyKeys = null;
                return;
            }
            if (earlyCount == earlyKeys.length) {
                earlyKeys = Arrays.copyOf(earlyKeys, earlyCount * 2);
            }
            earlyKeys[earlyCount++] = key;
        }
    }

    /**
     * Claims each key for the seq {@code base + i}, in key order so the inserts walk the table
     * once; returns which keys were already taken (by any message, possibly a deleted one).
     */
    boolean[] claim(Connection c, long[] keys, long base) throws SQLException {
        return claim(c, keys, KeyOrder.of(keys), base);
    }

    /** {@link #claim(Connection, long[], long)} with the keys' order ({@link KeyOrder}) already known. */
    boolean[] claim(Connection c, long[] keys, int[] order, long base) throws SQLException {
        int n = keys.length;
        KeyFilter f = filter();
        boolean[] taken = new boolean[n];
        int claimed = 0;
        try (PreparedStatement checked = c.prepareStatement(CLAIM_CHECKED);
             PreparedStatement unseen = f == null ? null : c.prepareStatement(CLAIM_UNSEEN)) {
            int[] checkedOrder = new int[n];
            int[] unseenOrder = new int[n];
            int checkedCount = 0;
            int unseenCount = 0;
            for (int i : order) {
                boolean look = f == null || f.mightContain(keys[i]);
                PreparedStatement s = look ? checked : unseen;
                if (look) {
                    checkedOrder[checkedCount++] = i;
                } else {
                    unseenOrder[unseenCount++] = i;
                }
                s.setLong(1, keys[i]);
                s.setLong(2, base + i);
                s.addBatch();
            }
            claimed += record(checked.executeBatch(), checkedOrder, taken);
            if (unseen != null) {
                claimed += record(unseen.executeBatch(), unseenOrder, taken);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!taken[i]) {
                remember(keys[i]);
            }
        }
        countRecent(c, claimed);
        moveIfFull(c);
        return taken;
    }

    /** Marks the keys a batch did not claim as taken; returns how many it claimed. */
    private static int record(int[] counts, int[] order, boolean[] taken) {
        int claimed = 0;
        for (int k = 0; k < counts.length; k++) {
            taken[order[k]] = counts[k] == 0;
            claimed += counts[k];
        }
        return claimed;
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
