package org.switchboard.nativeproto.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The logged-in connections, by user. */
final class SessionRegistry {

    private final Map<String, Set<ClientConnection>> byUser = new ConcurrentHashMap<>();
    private final int maxPerUser;

    SessionRegistry(int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    /** Adds a logged-in connection; false when the user has the most allowed already. */
    boolean add(String user, ClientConnection connection) {
        boolean[] added = {false};
        byUser.compute(user, (u, set) -> {
            Set<ClientConnection> sessions = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (sessions.size() < maxPerUser) {
                added[0] = sessions.add(connection);
            }
            return sessions;
        });
        return added[0];
    }

    void remove(String user, ClientConnection connection) {
        byUser.computeIfPresent(user, (u, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    List<ClientConnection> all(String user) {
        Set<ClientConnection> set = byUser.get(user);
        return set == null ? List.of() : List.copyOf(set);
    }

    /** Connections that sent an available presence: they get messages, presence and typing. */
    List<ClientConnection> available(String user) {
        return all(user).stream().filter(ClientConnection::available).toList();
    }

    /** The user's best presence over their available connections, or empty when offline. */
    java.util.Optional<PresenceState> presence(String user) {
        return available(user).stream().map(ClientConnection::presence)
                .min(java.util.Comparator.comparingInt(p -> p.availability().ordinal()));
    }

    List<ClientConnection> everyone() {
        return byUser.values().stream().flatMap(Set::stream).toList();
    }
}
