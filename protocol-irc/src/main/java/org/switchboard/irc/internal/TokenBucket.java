package org.switchboard.irc.internal;

import java.util.function.LongSupplier;

/**
 * The flood control of outgoing lines: up to {@code burst} lines at once, then {@code perSecond}
 * lines a second. Servers disconnect clients that send faster ("Excess Flood"). The clock is
 * injected so that tests can drive it. Not thread-safe: one sender thread owns it.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    public TokenBucket(int burst, double perSecond, LongSupplier nanoClock) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("burst and rate must be positive");
        }
        this.capacity = burst;
        this.perNano = perSecond / 1e9;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** Takes one token if there is one; otherwise returns how many nanoseconds until there is. */
    public long tryTake() {
        refill();
        // A hair under one counts as one: the wait computed below is rounded, the refill is not.
        if (tokens >= 1 - 1e-9) {
            tokens = Math.max(0, tokens - 1);
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
    }
}
