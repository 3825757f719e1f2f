package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The primitive map of held keys answers as a map would, through growth and removals that wrap around. */
class HeldKeysTest {

    @Test
    void agreesWithAMapThroughPutsRemovalsAndGrowth() {
        SplittableRandom random = new SplittableRandom(5);
        HeldKeys held = new HeldKeys();
        Map<Long, Long> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // Few distinct keys, some small and some at the extremes, so probe runs collide and wrap.
            long key = switch (random.nextInt(4)) {
                case 0 -> random.nextLong(64);
                case 1 -> Long.MIN_VALUE + random.nextLong(8);
                default -> random.nextLong(20_000) * 7_919;
            };
            long seq = 1 + random.nextLong(1_000);
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    held.put(key, seq);
                    expected.put(key, seq);
                }
                case 2 -> {
                    held.putIfAbsent(key, seq);
                    expected.putIfAbsent(key, seq);
                }
                case 3 -> {
                    long owner = expected.getOrDefault(key, 0L);
                    long asked = random.nextBoolean() && owner != 0 ? owner : seq;
                    assertThat(held.remove(key, asked)).isEqualTo(expected.remove(key, asked));
                }
                default -> assertThat(held.get(key)).isEqualTo(expected.getOrDefault(key, 0L));
            }
            assertThat(held.size()).isEqualTo(expected.size());
        }
        for (Map.Entry<Long, Long> e : expected.entrySet()) {
            assertThat(held.get(e.getKey())).isEqualTo(e.getValue());
        }
        TreeMap<Long, Long> inOrder = new TreeMap<>(expected);
        long[][] sorted = held.sorted();
        assertThat(sorted[0]).containsExactly(inOrder.keySet().stream().mapToLong(Long::longValue).toArray());
        assertThat(sorted[1]).containsExactly(inOrder.values().stream().mapToLong(Long::longValue).toArray());
        held.clear();
        assertThat(held.size()).isZero();
        assertThat(held.get(sorted[0][0])).isZero();
    }
}
