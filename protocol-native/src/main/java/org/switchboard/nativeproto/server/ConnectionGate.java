package org.switchboard.nativeproto.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts open connections, in all and per IP address, so that one host cannot take every socket
 * and thread of the server before it even tries to log in.
 */
final class ConnectionGate {

    private final int max;
    private final int maxPerAddress;
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private int total;

    ConnectionGate(int max, int maxPerAddress) {
        this.max = max;
        this.maxPerAddress = maxPerAddress;
    }

    /** Takes a slot for a new connection from {@code address}; false when there is none. */
    synchronized boolean tryEnter(String address) {
        int mine = perAddress.getOrDefault(address, 0);
        if (total >= max || mine >= maxPerAddress) {
            return false;
        }
        total++;
        perAddress.put(address, mine + 1);
        return true;
    }

    synchronized void leave(String address) {
        total--;
        perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    synchronized int open() {
        return total;
    }
}
