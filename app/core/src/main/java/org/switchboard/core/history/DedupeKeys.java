package org.switchboard.core.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The de-duplication keys (key to seq; docs/decisions/0010, 0011 and 0012). Keys claimed since the
 * last move are held in memory only: the rows they were claimed for carry them ({@code dedupe_key}),
 * so they are read back from the rows after {@code keys_moved_through} when the history opens, or
 * after a rollback. When {@link #MOVE_AT} are held they move, sorted, to a new run of
 * {@link KeyRuns}, and no page is written per message for its key. A {@link MovedKeysFilter}
 * spares the look-up in the runs for nearly every new key. Used on the writer thread only,
 * except {@link #buildFilter}.
 */
final class DedupeKeys {

    /**
     * Keys held before they move to a new run (decisions 12, 13): 8 MiB in memory at most. Each
     * move also copies the runs it merges; moving a quarter of a million keys at a time, a
     * million keys are copied 1.3 million times and make two runs, against 3.2 million copies
     * with 65,536 at a time (then an eighth of the writer's time).
     */
    static final int MOVE_AT = 262_144;

    static final String MOVED_THROUGH_KEY = "keys_moved_through";

    private final MovedKeysFilter filter = new MovedKeysFilter();
    private final KeyRuns runs = new KeyRuns();
    /** Keys claimed since the last move, to their seq; null until read from the rows. */
    private HeldKeys held;

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
        runs.forget();
    }

    /**
     * Claims each key for the seq {@code base + i}; returns which keys were already taken (by any
     * message, possibly a deleted one). {@code order} sorts the keys ({@link KeyOrder}); the large
     * table is looked up in that order. {@code base} is above every seq used before.
     */
    boolean[] claim(Connection c, long[] keys, int[] order, long base) throws SQLException {
        HeldKeys mine = held(c);
        if (mine.size() >= MOVE_AT) {
            move(c, mine, base - 1);
        }
        boolean[] taken = new boolean[keys.length];
        for (int i : order) {
            long key = keys[i];
            if (mine.get(key) != 0 || filter.mightHold(key) && runs.owner(c, key).isPresent()) {
                taken[i] = true;
            } else {
                mine.put(key, base + i);
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
        long seq = held(c).get(key);
        return seq != 0 ? OptionalLong.of(seq) : runs.owner(c, key);
    }

    /**
     * Gives a key whose message is gone to {@code to}: held from now on, it stands before the pair a
     * run may have, and its row carries it, so it is read back after a restart too.
     */
    void reassign(Connection c, long key, long to) throws SQLException {
        held(c).put(key, to);
    }

    /** Frees a key claimed for a message that was not stored after all, or whose message was deleted. */
    void release(Connection c, long key, long seq) throws SQLException {
        if (!held(c).remove(key, seq)) {
            KeyRuns.released(c, key, seq);
        }
    }

    /**
     * The keys claimed since the last move, read from the rows stored after it when not in
     * memory. A row kept as a collision carries a key another row owns, so it is left out.
     */
    private HeldKeys held(Connection c) throws SQLException {
        if (held == null) {
            HeldKeys read = new HeldKeys();
            try (PreparedStatement s = c.prepareStatement("SELECT dedupe_key, seq FROM message_rows WHERE seq > ? "
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

    /** Moves the held keys to a new run; every seq up to {@code through} is then covered by the runs. */
    private void move(Connection c, HeldKeys mine, long through) throws SQLException {
        long[][] sorted = mine.sorted();
        for (long key : sorted[0]) {
            filter.moved(key);
        }
        runs.add(c, sorted[0], sorted[1]);
        KeyValues.HISTORY.set(c, MOVED_THROUGH_KEY, through);
        mine.clear();
    }
}
