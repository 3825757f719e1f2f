package org.switchboard.core.history;

/**
 * Which de-duplication keys may be in {@code message_keys}: a Bloom filter in memory, so that a
 * new message's key (nearly always absent) is claimed without first looking it up in that large
 * table (docs/decisions/0011). "Absent" is certain; "present" may be wrong, and then the lookup
 * decides. Keys leaving the table stay in the filter, which only costs a lookup.
 */
final class KeyFilter {

    private static final int HASHES = 6;
    /** About 1% false positives at the size's full load. */
    private static final int BITS_PER_KEY = 12;

    private final long[] words;
    private final long mask;

    /** Room for {@code keys} keys at the designed rate of false positives. */
    KeyFilter(long keys) {
        long bits = Long.highestOneBit(Math.max(1L << 20, keys * BITS_PER_KEY - 1)) << 1;
        this.words = new long[(int) Math.min(1L << 30, bits >>> 6)];
        this.mask = (long) words.length * 64 - 1;
    }

    void add(long key) {
        long h = key;
        long step = Long.rotateLeft(key, 32) | 1;
        for (int i = 0; i < HASHES; i++, h += step) {
            long bit = h & mask;
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    boolean mightContain(long key) {
        long h = key;
        long step = Long.rotateLeft(key, 32) | 1;
        for (int i = 0; i < HASHES; i++, h += step) {
            long bit = h & mask;
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }
}
