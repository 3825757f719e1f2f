package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyOrderTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 15, 16, 17, 1_000, 10_000})
    void positionsOfTheKeysSmallestFirstEachOnce(int n) {
        SplittableRandom random = new SplittableRandom(n);
        // Some repeats, negative keys and extremes, as 64-bit hashes give.
        long[] keys = IntStream.range(0, n).mapToLong(i -> switch (i % 7) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> 42L;
            default -> random.nextLong();
        }).toArray();

        int[] order = KeyOrder.of(keys);

        assertThat(IntStream.of(order).sorted().toArray()).isEqualTo(IntStream.range(0, n).toArray());
        for (int k = 1; k < n; k++) {
            assertThat(keys[order[k - 1]]).isLessThanOrEqualTo(keys[order[k]]);
        }
    }
}
