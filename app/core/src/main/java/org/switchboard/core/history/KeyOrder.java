package org.switchboard.core.history;

/**
 * The order of a batch's keys, smallest first, as positions into the batch: keys are claimed in
 * that order so their inserts walk the table once. Sorted on primitives: boxing ten thousand
 * positions to sort them cost more than the sort.
 */
final class KeyOrder {

    private KeyOrder() {
    }

    static int[] of(long[] keys) {
        long[] sorted = keys.clone();
        int[] order = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        sort(sorted, order, 0, keys.length - 1);
        return order;
    }

    /** Quicksort of both arrays by {@code keys}, the smaller side first, the larger one looped. */
    private static void sort(long[] keys, int[] order, int lo, int hi) {
        while (lo < hi) {
            if (hi - lo < 16) {
                insertion(keys, order, lo, hi);
                return;
            }
            long pivot = median(keys[lo], keys[(lo + hi) >>> 1], keys[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(keys, order, i++, j--);
                }
            }
            if (j - lo < hi - i) {
                sort(keys, order, lo, j);
                lo = i;
            } else {
                sort(keys, order, i, hi);
                hi = j;
            }
        }
    }

    private static void insertion(long[] keys, int[] order, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && keys[j - 1] > keys[j]; j--) {
                swap(keys, order, j, j - 1);
            }
        }
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(long[] keys, int[] order, int a, int b) {
        long k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        int o = order[a];
        order[a] = order[b];
        order[b] = o;
    }
}
