package org.switchboard.nativeproto.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registrations per IP address: a token bucket each, stricter than the frame rate, because every
 * registration is a row in the database that stays. The table forgets the least recently seen
 * addresses past a bound, so that many addresses cannot grow it without end.
 */
final class RegistrationThrottle {

    private static final int MAX_ADDRESSES = 10_000;

    private final int perHour;
    private final Map<String, TokenBucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    RegistrationThrottle(int perHour) {
        this.perHour = perHour;
    }

    synchronized boolean tryTake(String address) {
        return buckets.computeIfAbsent(address, a -> new TokenBucket(perHour, perHour / 3600.0)).tryTake();
    }
}
