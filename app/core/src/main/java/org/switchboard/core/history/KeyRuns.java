package org.switchboard.core.history;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * The de-duplication keys moved out of memory (docs/decisions/0012): sorted runs of (key, seq)
 * pairs, each run cut into blocks of {@link #PAIRS_PER_BLOCK} stored as one blob. A move writes
 * its keys as a new run, a few dozen rows, where inserting each key into one large B-tree cost
 * more than storing its message. Runs are merged as a binary counter does (a run as large as the
 * one before it is merged into it), so there are at most log2(keys / DedupeKeys.MOVE_AT) + 1
 * runs and each key is rewritten at most that many times, sequentially.
 *
 * <p>A key's owner is the newest run's pair for it. A key whose message was deleted may stay in a
 * run (stale): a look-up then finds no such row and the key goes to the new message
 * ({@link MessageInserter}). Deletions the app makes are recorded in
 * {@code message_key_releases} and their pairs dropped at the next merge. Used on the writer
 * thread only, except the static readers.
 */
final class KeyRuns {

    /** 16 bytes a pair: a block's blob fits in one 4 KiB page. */
    static final int PAIRS_PER_BLOCK = 250;

    /** One run: its number (newer runs have larger ones) and the first key and row id of each block. */
    private record Run(long number, long[] firstKeys, long[] blockIds) {
    }

    /** Newest first; null until read. */
    private List<Run> runs;

    /** Forgets what it read: a rollback may have undone a move or merge. */
    void forget() {
        runs = null;
    }

    /** The seq the newest run gives {@code key}, if any run has it. */
    OptionalLong owner(Connection c, long key) throws SQLException {
        for (Run run : runs(c)) {
            int block = floor(run.firstKeys(), key);
            if (block >= 0) {
                long[] pairs = readBlock(c, run.blockIds()[block]);
                int at = find(pairs, key);
                if (at >= 0) {
                    return OptionalLong.of(pairs[at + 1]);
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Records that the message {@code seq}, which may own {@code key} in a run, was deleted. */
    static void released(Connection c, long key, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO message_key_releases (key, seq) VALUES (?, ?)")) {
            s.setLong(1, key);
            s.setLong(2, seq);
            s.executeUpdate();
        }
    }

    /** Writes {@code keys} (sorted, distinct) with their seqs as the newest run, then merges as needed. */
    void add(Connection c, long[] keys, long[] seqs) throws SQLException {
        List<Run> all = runs(c);
        long number = all.isEmpty() ? 1 : all.getFirst().number() + 1;
        all.addFirst(write(c, number, interleave(keys, seqs)));
        while (all.size() >= 2 && all.get(0).blockIds().length >= all.get(1).blockIds().length) {
            Run newer = all.removeFirst();
            Run older = all.removeFirst();
            all.addFirst(merge(c, newer, older, all.isEmpty()));
        }
    }

    /** Every key in the runs, stale ones included; for the filter, on any connection. */
    static void forEachKey(Connection c, LongConsumer keys) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pairs FROM message_key_blocks")) {
            while (rs.next()) {
                ByteBuffer pairs = ByteBuffer.wrap(rs.getBytes(1));
                while (pairs.hasRemaining()) {
                    keys.accept(pairs.getLong());
                    pairs.getLong();
                }
            }
        }
    }

    /** At most the number of keys in the runs. */
    static long capacity(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM message_key_blocks")) {
            rs.next();
            return rs.getLong(1) * PAIRS_PER_BLOCK;
        }
    }

    /**
     * Moves the keys of the V4 table {@code message_keys} into one run and drops the table (the V7
     * migration). The table is keyed by key, so reading it in order needs no sort.
     */
    static void convert(Connection c) throws SQLException {
        long count;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM message_keys")) {
            rs.next();
            count = rs.getLong(1);
        }
        long[] pairs = new long[Math.toIntExact(count * 2)];
        int n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, seq FROM message_keys ORDER BY key")) {
            while (rs.next() && n < pairs.length) {
                pairs[n++] = rs.getLong(1);
                pairs[n++] = rs.getLong(2);
            }
        }
        if (n > 0) {
            new KeyRuns().write(c, 1, n == pairs.length ? pairs : Arrays.copyOf(pairs, n));
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE message_keys");
        }
    }

    private List<Run> runs(Connection c) throws SQLException {
        if (runs == null) {
            List<Run> read = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT run, first_key, id FROM message_key_blocks ORDER BY run DESC, first_key")) {
                long number = 0;
                List<long[]> blocks = new ArrayList<>();
                while (rs.next()) {
                    if (rs.getLong(1) != number && !blocks.isEmpty()) {
                        read.add(run(number, blocks));
                        blocks.clear();
                    }
                    number = rs.getLong(1);
                    blocks.add(new long[] {rs.getLong(2), rs.getLong(3)});
                }
                if (!blocks.isEmpty()) {
                    read.add(run(number, blocks));
                }
            }
            runs = read;
        }
        return runs;
    }

    private static Run run(long number, List<long[]> blocks) {
        long[] firstKeys = new long[blocks.size()];
        long[] ids = new long[blocks.size()];
        for (int i = 0; i < firstKeys.length; i++) {
            firstKeys[i] = blocks.get(i)[0];
            ids[i] = blocks.get(i)[1];
        }
        return new Run(number, firstKeys, ids);
    }

    /** Writes the pairs (key, seq, key, seq…, sorted by key) as run {@code number}. */
    private Run write(Connection c, long number, long[] pairs) throws SQLException {
        int blocks = (pairs.length / 2 + PAIRS_PER_BLOCK - 1) / PAIRS_PER_BLOCK;
        long[] firstKeys = new long[blocks];
        long[] ids = new long[blocks];
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO message_key_blocks (run, first_key, pairs) VALUES (?, ?, ?) RETURNING id")) {
            for (int b = 0; b < blocks; b++) {
                int from = b * PAIRS_PER_BLOCK * 2;
                int to = Math.min(pairs.length, from + PAIRS_PER_BLOCK * 2);
                ByteBuffer blob = ByteBuffer.allocate((to - from) * Long.BYTES);
                for (int i = from; i < to; i++) {
                    blob.putLong(pairs[i]);
                }
                firstKeys[b] = pairs[from];
                s.setLong(1, number);
                s.setLong(2, firstKeys[b]);
                s.setBytes(3, blob.array());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    ids[b] = rs.getLong(1);
                }
            }
        }
        return new Run(number, firstKeys, ids);
    }

    /**
     * One run of both, under the newer one's number: the newer pair wins a key both have, and
     * pairs of messages the app deleted are dropped. Releases are forgotten once applied, and all
     * of them when {@code oldest} (no run left that they could apply to).
     */
    private Run merge(Connection c, Run newer, Run older, boolean oldest) throws SQLException {
        long[] a = readRun(c, newer);
        long[] b = readRun(c, older);
        Map<Long, Long> releases = releases(c);
        List<long[]> applied = new ArrayList<>();
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            long key;
            long seq;
            if (j >= b.length || i < a.length && a[i] <= b[j]) {
                key = a[i];
                seq = a[i + 1];
                if (j < b.length && b[j] == key) {
                    j += 2;
                }
                i += 2;
            } else {
                key = b[j];
                seq = b[j + 1];
                j += 2;
            }
            Long released = releases.get(key);
            if (released != null && released == seq) {
                applied.add(new long[] {key, seq});
            } else {
                out[n++] = key;
                out[n++] = seq;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM message_key_blocks WHERE run IN (" + newer.number() + ", " + older.number() + ")");
            if (oldest) {
                // No run is left that a release not applied could apply to.
                s.execute("DELETE FROM message_key_releases");
            }
        }
        if (!oldest) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM message_key_releases WHERE key = ? AND seq = ?")) {
                for (long[] pair : applied) {
                    s.setLong(1, pair[0]);
                    s.setLong(2, pair[1]);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        return write(c, newer.number(), n == out.length ? out : Arrays.copyOf(out, n));
    }

    private static Map<Long, Long> releases(Connection c) throws SQLException {
        Map<Long, Long> releases = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, seq FROM message_key_releases")) {
            while (rs.next()) {
                releases.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return releases;
    }

    private static long[] readRun(Connection c, Run run) throws SQLException {
        List<long[]> blocks = new ArrayList<>(run.blockIds().length);
        int total = 0;
        for (long id : run.blockIds()) {
            long[] block = readBlock(c, id);
            blocks.add(block);
            total += block.length;
        }
        long[] pairs = new long[total];
        int at = 0;
        for (long[] block : blocks) {
            System.arraycopy(block, 0, pairs, at, block.length);
            at += block.length;
        }
        return pairs;
    }

    private static long[] readBlock(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pairs FROM message_key_blocks WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("a block of message keys is missing: " + id);
                }
                ByteBuffer blob = ByteBuffer.wrap(rs.getBytes(1));
                long[] pairs = new long[blob.remaining() / Long.BYTES];
                blob.asLongBuffer().get(pairs);
                return pairs;
            }
        }
    }

    private static long[] interleave(long[] keys, long[] seqs) {
        long[] pairs = new long[keys.length * 2];
        for (int i = 0; i < keys.length; i++) {
            pairs[2 * i] = keys[i];
            pairs[2 * i + 1] = seqs[i];
        }
        return pairs;
    }

    /** The last index whose value is at most {@code key}, or -1. */
    private static int floor(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Where {@code key} is among the pairs (its index in the array), or -1. */
    private static int find(long[] pairs, long key) {
        int lo = 0;
        int hi = pairs.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = pairs[2 * mid];
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return 2 * mid;
            }
        }
        return -1;
    }
}
