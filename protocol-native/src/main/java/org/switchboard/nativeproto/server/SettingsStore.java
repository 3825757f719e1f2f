package org.switchboard.nativeproto.server;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Server-wide values kept in the database, so that they survive restarts. */
final class SettingsStore {

    private static final String DECOY_SECRET = "decoy-secret";
    private static final String SCRAM_ITERATIONS = "scram-iterations";

    private final Database database;

    SettingsStore(Database database) {
        this.database = database;
    }

    /**
     * The secret from which fake salts for unknown names are derived. Kept, so that a fake name
     * answers with the same salt after a restart, as a real one does (PROTOCOL.md §5).
     */
    byte[] decoySecret() throws SQLException {
        Optional<byte[]> stored = get(DECOY_SECRET);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO settings(name, value) VALUES (?, ?) ON CONFLICT(name) DO NOTHING")) {
                s.setString(1, DECOY_SECRET);
                s.setBytes(2, secret);
                return s.executeUpdate();
            }
        });
        return get(DECOY_SECRET).orElseThrow();
    }

    /** The iteration count the server was last started with, for the CLI's adduser and passwd. */
    Optional<Integer> scramIterations() throws SQLException {
        return get(SCRAM_ITERATIONS).filter(b -> b.length == 4).map(b -> ByteBuffer.wrap(b).getInt());
    }

    void scramIterations(int iterations) throws SQLException {
        database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO settings(name, value) VALUES (?, ?) "
                    + "ON CONFLICT(name) DO UPDATE SET value = excluded.value")) {
                s.setString(1, SCRAM_ITERATIONS);
                s.setBytes(2, ByteBuffer.allocate(4).putInt(iterations).array());
                return s.executeUpdate();
            }
        });
    }

    private Optional<byte[]> get(String name) throws SQLException {
        return database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }
}
