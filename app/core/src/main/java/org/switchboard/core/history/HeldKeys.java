package org.switchboard.core.history;

import java.util.Arrays;

/**
 * The de-duplication keys held in memory since the last move, key to seq, in two primitive
 * arrays (open addressing, linear probing): a boxed map cost two objects a message, which
 * lived until the move and made the collector copy them. A seq is never 0, so 0 marks a free slot.
 */
final class HeldKeys {

    private long[] keys = new long[1 << 12];
    private long[] seqs = new long[1 << 12];
    private int size;

    int size() {
        return size;
    }

    /** The key's seq, or 0 when it is not held. */
    long get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); seqs[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return seqs[i];
            }
        }
        return 0;
    }

    /** Holds {@code key} for {@code seq} (≥ 1), replacing what it was held for. */
    void put(long key, long seq) {
        if (seq <= 0) {
            throw new IllegalArgumentException("seq must be positive: " + seq);
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (seqs[i] != 0) {
            if (keys[i] == key) {
                seqs[i] = seq;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        seqs[i] = seq;
        size++;
    }

    /** Holds {@code key} for {@code seq} unless it is held already. */
    void putIfAbsent(long key, long seq) {
        if (get(key) == 0) {
            put(key, seq);
        }
    }

    /** Lets go of {@code key} if it is held for {@code seq}; whether it was. */
    boolean remove(long key, long seq) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (seqs[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (seqs[i] == 0 || seqs[i] != seq) {
            return false;
        }
        // Backward-shift deletion: later keys of the same probe run move up, so no look-up stops early.
        int hole = i;
        for (int j = (i + 1) & mask; seqs[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                keys[hole] = keys[j];
                seqs[hole] = seqs[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        seqs[hole] = 0;
        size--;
        return true;
    }

    /** The held keys, sorted, with their seqs in the same order: {@code [keys, seqs]}. */
    long[][] sorted() {
        long[] k = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (seqs[i] != 0) {
                k[n++] = keys[i];
            }
        }
        Arrays.sort(k);
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = get(k[i]);
        }
        return new long[][] {k, s};
    }

    void clear() {
        keys = new long[1 << 12];
        seqs = new long[1 << 12];
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldSeqs = seqs;
        keys = new long[oldKeys.length * 2];
        seqs = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldSeqs[i] != 0) {
                put(oldKeys[i], oldSeqs[i]);
            }
        }
    }

    /** Keys are hashes already, but a test may hold small ones: mix, so runs of them do not cluster. */
    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
