package org.switchboard.irc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstThenTheSteadyRate() {
        AtomicLong now = new AtomicLong(5 * SECOND);
        TokenBucket bucket = new TokenBucket(5, 2, now::get);

        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryTake()).isZero();
        }
        long wait = bucket.tryTake();
        assertThat(wait).isBetween(SECOND / 2 - 1000, SECOND / 2 + 1000);

        now.addAndGet(wait);
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();

        now.addAndGet(10 * SECOND);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryTake()).as("refilled to the burst, not beyond").isZero();
        }
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void sendsAtMostTheRateOverAMinute() {
        AtomicLong now = new AtomicLong();
        TokenBucket bucket = new TokenBucket(5, 2, now::get);
        int sent = 0;
        while (now.get() < 60 * SECOND) {
            long wait = bucket.tryTake();
            if (wait == 0) {
                sent++;
            } else {
                now.addAndGet(wait);
            }
        }
        assertThat(sent).isBetween(5 + 119, 5 + 121);
    }
}
