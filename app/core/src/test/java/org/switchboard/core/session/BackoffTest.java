package org.switchboard.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = Backoff.DEFAULT;

    @Test
    void doublesFromOneSecondUpToAMinute() {
        assertThat(backoff.delay(0, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(5, () -> 0.5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.delay(6, () -> 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(60, () -> 0.5)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void spreadsByTwentyPercentEachWay() {
        assertThat(backoff.delay(3, () -> 0.0)).isEqualTo(Duration.ofMillis(6400));
        assertThat(backoff.delay(3, () -> 0.999999)).isBetween(Duration.ofMillis(9599), Duration.ofMillis(9600));
    }
}
