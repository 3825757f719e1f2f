package org.switchboard.nativeproto.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per account and per IP address, and locks either for a while once it has
 * too many within the window. A success clears the account's count, not the address's.
 *
 * <p>An exchange in progress counts too: a new {@code auth} is refused while the failures plus
 * the exchanges still open reach the limit. Otherwise a client could open many exchanges before
 * the first fails and have every proof checked, however many the limit allows.
 */
final class LoginGuard {

    private final ServerLimits limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, Instant> lockedUntil = new HashMap<>();
    private final Map<String, Integer> inProgress = new HashMap<>();
    /** Past this many tracked names and addresses, expired entries are dropped (guessing many names costs memory). */
    private static final int MAX_TRACKED = 10_000;

    LoginGuard(ServerLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the account or the address stays locked, if it is. */
    synchronized Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil.get(userKey(user)), lockedUntil.get(addressKey(address)));
        if (until == null || !until.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    /**
     * Opens an exchange unless the account or the address has as many failures and open
     * exchanges as it may; each one opened must be {@linkplain #end ended} once.
     */
    synchronized boolean begin(String user, String address) {
        if (used(userKey(user)) >= limits.maxFailedLoginsPerUser()
                || used(addressKey(address)) >= limits.maxFailedLoginsPerAddress()) {
            return false;
        }
        inProgress.merge(userKey(user), 1, Integer::sum);
        inProgress.merge(addressKey(address), 1, Integer::sum);
        return true;
    }

    /** Closes an exchange opened by {@link #begin}, counting it as failed or not. */
    synchronized void end(String user, String address, boolean failed) {
        inProgress.computeIfPresent(userKey(user), (k, n) -> n <= 1 ? null : n - 1);
        inProgress.computeIfPresent(addressKey(address), (k, n) -> n <= 1 ? null : n - 1);
        if (failed) {
            failed(user, address);
        }
    }

    synchronized void failed(String user, String address) {
        if (failures.size() + lockedUntil.size() > MAX_TRACKED) {
            forgetExpired();
        }
        count(userKey(user), limits.maxFailedLoginsPerUser());
        count(addressKey(address), limits.maxFailedLoginsPerAddress());
    }

    synchronized void succeeded(String user) {
        failures.remove(userKey(user));
    }

    /** Failures still in the window plus exchanges in progress. */
    private int used(String key) {
        Instant horizon = clock.instant().minus(limits.failureWindow());
        Deque<Instant> times = failures.get(key);
        int failed = 0;
        if (times != null) {
            for (Instant t : times) {
                failed += t.isBefore(horizon) ? 0 : 1;
            }
        }
        return failed + inProgress.getOrDefault(key, 0);
    }

    private void count(String key, int max) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(limits.failureWindow()))) {
            times.removeFirst();
        }
        if (times.size() >= max) {
            lockedUntil.put(key, now.plus(limits.lockout()));
            failures.remove(key);
        }
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        lockedUntil.values().removeIf(until -> !until.isAfter(now));
        failures.values().removeIf(times -> times.isEmpty()
                || times.peekLast().isBefore(now.minus(limits.failureWindow())));
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String userKey(String user) {
        return "user:" + user;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
