package org.switchboard.core.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The de-duplication keys (key to seq; docs/decisions/0010 and 0011). Keys claimed since the last
 * move are held in memory only: the rows they were claimed for carry them ({@code dedupe_key}),
 * so they are read back from the rows after {@code keys_moved_through} when the history opens, or
 * after a rollback. When {@link #MOVE_AT} are held they move to {@code message_keys} in key order,
 * so each page of that large table is written once per move, and no page is written per message
 * for its key. A {@link MovedKeysFilter} spares the look-up in the large table for nearly every
 * new key. Used on the writer thread only, except {@link #buildFilter}.
 */
final class DedupeKeys {

    /** Large enough that a move writes most pages of the large table once. */
    static final int MOVE_AT = 65_536;

    static final String MOVED_THROUGH_KEY = "keys_moved_through";

    private final MovedKeysFilter filter = new MovedKeysFilter();
    /** Keys claimed since the last move, to their seq; null until read from the rows. */
    private Map<Long, Long> held;

    /**
     * Builds the filter of the large table's keys on a thread and connection of its own; until it
     * is ready every new key is looked up there. Call before the first claim.
     */
    CompletableFuture<Void> buildFilter(Path file) {
        return filter.build(file);
    }

    /**
     * Forgets the keys held in memory: the transaction that claimed some of them was rolled back.
     * They are read again from the rows before the next claim.
     */
    void rolledBack() {
        held = null;
    }

    /**
     * Claims each key for the seq {@code base + i}; returns which keys were already taken (by any
     * message, possibly a deleted one). {@code order} sorts the keys ({@link KeyOrder}); the large
     * table is looked up in that order. {@code base} is above every seq used before.
     */
    boolean[] claim(Connection c, long[] keys, int[] order, long base) throws SQLException {
        Map<Long, Long> mine = held(c);
        if (mine.size() >= MOVE_AT) {
            move(c, mine, base - 1);
        }
        boolean[] taken = new boolean[keys.length];
        try (PreparedStatement look = c.prepareStatement("SELECT 1 FROM message_keys WHERE key = ?")) {
            for (int i : order) {
                long key = keys[i];
                if (mine.containsKey(key) || filter.mightHold(key) && inTable(look, key)) {
                    taken[i] = true;
                } else {
                    mine.put(key, base + i);
                }
            }
        }
        return taken;
    }

    /** Claims one key for {@code seq} (above every seq used before); false when it is taken. */
    boolean claimOne(Connection c, long key, long seq) throws SQLException {
        return !claim(c, new long[] {key}, new int[] {0}, seq)[0];
    }

    /** The seq the key belongs to, if it is taken. */
    OptionalLong owner(Connection c, long key) throws SQLException {
        Long seq = held(c).get(key);
        if (seq != null) {
            return OptionalLong.of(seq);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT seq FROM message_keys WHERE key = ?")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Gives a key whose message is gone to another one. */
    void reassign(Connection c, long key, long from, long to) throws SQLException {
        held(c).replace(key, from, to);
        try (PreparedStatement s = c.prepareStatement("UPDATE message_keys SET seq = ? WHERE key = ? AND seq = ?")) {
            s.setLong(1, to);
            s.setLong(2, key);
            s.setLong(3, from);
            s.executeUpdate();
        }
    }

    /** Frees a key claimed for a message that was not stored after all, or whose message was deleted. */
    void release(Connection c, long key, long seq) throws SQLException {
        held(c).remove(key, seq);
        try (PreparedStatement s = c.prepareStatement("DELETE FROM message_keys WHERE key = ? AND seq = ?")) {
            s.setLong(1, key);
            s.setLong(2, seq);
            s.executeUpdate();
        }
    }

    private static boolean inTable(PreparedStatement look, long key) throws SQLException {
        look.setLong(1, key);
        try (ResultSet rs = look.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * The keys claimed since the last move, read from the rows stored after it when not in
     * memory. A row kept as a collision carries a key another row owns, so it is left out.
     */
    private Map<Long, Long> held(Connection c) throws SQLException {
        if (held == null) {
            Map<Long, Long> read = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT dedupe_key, seq FROM messages WHERE seq > ? "
                    + "AND dedupe_key IS NOT NULL AND seq NOT IN (SELECT seq FROM message_key_collisions) ORDER BY seq")) {
                s.setLong(1, KeyValues.HISTORY.getNumber(c, MOVED_THROUGH_KEY, 0));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        read.putIfAbsent(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            held = read;
        }
        return held;
    }

    /** Moves the held keys to the large table, in key order; every seq up to {@code through} is then covered there. */
    private void move(Connection c, Map<Long, Long> mine, long through) throws SQLException {
        long[] keys = mine.keySet().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(keys);
        try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO message_keys (key, seq) VALUES (?, ?)")) {
            for (long key : keys) {
                s.setLong(1, key);
                s.setLong(2, mine.get(key));
                s.addBatch();
                filter.moved(key);
            }
            s.executeBatch();
        }
        KeyValues.HISTORY.set(c, MOVED_THROUGH_KEY, through);
        mine.clear();
    }
}
