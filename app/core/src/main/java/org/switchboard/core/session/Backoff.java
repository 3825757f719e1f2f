package org.switchboard.core.session;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: 1 s doubling to 60 s, each spread ±20 % so that many clients cut off
 * together do not all return in the same second.
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);

    /**
     * The wait before retry number {@code failures} (0 for the first retry).
     *
     * @param random a value in [0, 1)
     */
    public Duration delay(int failures, DoubleSupplier random) {
        long base = initial.toMillis();
        for (int i = 0; i < failures && base < max.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, max.toMillis());
        double factor = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Duration.ofMillis(Math.round(base * factor));
    }
}
