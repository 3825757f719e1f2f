package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs the moved de-duplication keys are kept in: the newest pair of a key is its owner, whatever was merged. */
class KeyRunsTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void createHistory() throws Exception {
        file = dir.resolve("history.db");
        HistoryStore.open(file).close();
    }

    @Test
    void theNewestRunDecidesAKeysOwnerBeforeAndAfterAMerge() throws Exception {
        try (Connection c = HistoryConnections.writer(file, 2_048)) {
            KeyRuns runs = new KeyRuns();
            runs.add(c, new long[] {-9, 1, 5}, new long[] {90, 10, 50});
            runs.add(c, new long[] {2, 5, 7}, new long[] {20, 55, 70});

            assertThat(runCount(c)).as("two runs of one block each are merged").isEqualTo(1);
            assertThat(runs.owner(c, 5)).hasValue(55);
            assertThat(runs.owner(c, -9)).hasValue(90);
            assertThat(runs.owner(c, 7)).hasValue(70);
            assertThat(runs.owner(c, 3)).isEmpty();
            assertThat(runs.owner(c, -10)).as("before the first key").isEmpty();
            assertThat(runs.owner(c, 8)).as("after the last key").isEmpty();
            runs.forget();
            assertThat(runs.owner(c, 5)).as("read again from the file").hasValue(55);
        }
    }

    @Test
    void everyKeyIsFoundAcrossBlocksAndRunsAndTheRunsStayFew() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        try (Connection c = HistoryConnections.writer(file, 2_048)) {
            KeyRuns runs = new KeyRuns();
            long[][] moves = new long[9][];
            for (int m = 0; m < moves.length; m++) {
                moves[m] = random.longs(KeyRuns.PAIRS_PER_BLOCK * 3 + 7).sorted().distinct().toArray();
                runs.add(c, moves[m], seqs(moves[m], m));
            }

            // A binary counter of 9 equal moves: runs of 8 and 1.
            assertThat(runCount(c)).isEqualTo(2);
            for (int m = 0; m < moves.length; m++) {
                for (long key : moves[m]) {
                    assertThat(runs.owner(c, key)).hasValue(seqOf(key, m));
                }
            }
            long[] all = new long[] {0};
            KeyRuns.forEachKey(c, key -> all[0]++);
            assertThat(all[0]).isEqualTo(Arrays.stream(moves).mapToLong(m -> m.length).sum());
        }
    }

    @Test
    void aReleasedPairIsDroppedAtTheNextMergeAndAReassignedKeyIsKept() throws Exception {
        try (Connection c = HistoryConnections.writer(file, 2_048)) {
            KeyRuns runs = new KeyRuns();
            runs.add(c, new long[] {1, 2, 3}, new long[] {10, 20, 30});
            KeyRuns.released(c, 1, 10);
            // Key 2's message was deleted, but the key went to message 40 since: that pair stays.
            KeyRuns.released(c, 2, 20);
            runs.add(c, new long[] {2, 4}, new long[] {40, 41});

            assertThat(runs.owner(c, 1)).isEmpty();
            assertThat(runs.owner(c, 2)).hasValue(40);
            assertThat(runs.owner(c, 3)).hasValue(30);
            assertThat(count(c, "SELECT COUNT(*) FROM message_key_releases")).as("applied, then forgotten").isZero();
        }
    }

    @Test
    void theKeyTableOfEarlierVersionsBecomesTheFirstRun() throws Exception {
        try (Connection c = HistoryConnections.writer(file, 2_048); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE message_keys (key INTEGER PRIMARY KEY, seq INTEGER NOT NULL)");
            for (int i = 0; i < 600; i++) {
                s.execute("INSERT INTO message_keys (key, seq) VALUES (" + (i * 1_000_003L - 300_000_000L) + ", " + (i + 1) + ")");
            }
            KeyRuns.convert(c);

            KeyRuns runs = new KeyRuns();
            for (int i = 0; i < 600; i++) {
                assertThat(runs.owner(c, i * 1_000_003L - 300_000_000L)).hasValue(i + 1);
            }
            assertThat(count(c, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'message_keys'")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM message_key_blocks")).isEqualTo(3);
        }
    }

    private static long[] seqs(long[] keys, int move) {
        return Arrays.stream(keys).map(key -> seqOf(key, move)).toArray();
    }

    private static long seqOf(long key, int move) {
        return (key & 0xFFFFFF) * 16 + move;
    }

    private static long runCount(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(DISTINCT run) FROM message_key_blocks");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
