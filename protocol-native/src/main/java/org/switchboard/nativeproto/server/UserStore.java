package org.switchboard.nativeproto.server;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.nativeproto.auth.ScramCredentials;

/** Accounts and their SCRAM keys. Passwords are never stored, only what RFC 5802 derives from them. */
final class UserStore {

    /** Lower-case letters, digits, '.', '_' and '-'; starts with a letter or digit; at most 64. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Database database;

    UserStore(Database database) {
        this.database = database;
    }

    /** The canonical form of a user name, or empty when it is not a valid one. */
    static Optional<String> normalize(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return NAME.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    static String requireValid(String name) {
        return normalize(name).orElseThrow(() -> new IllegalArgumentException(
                "not a valid user name (letters, digits, '.', '_', '-'; at most 64): " + name));
    }

    Optional<ScramCredentials> credentials(String user) throws SQLException {
        return database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT salt, iterations, stored_key, server_key FROM users WHERE name = ?")) {
                s.setString(1, user);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new ScramCredentials(rs.getBytes(1), rs.getInt(2), rs.getBytes(3), rs.getBytes(4)))
                            : Optional.empty();
                }
            }
        });
    }

    boolean exists(String user) throws SQLException {
        return credentials(user).isPresent();
    }

    /** Creates the user; false when the name is taken. */
    boolean create(String user, ScramCredentials credentials) throws SQLException {
        return database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO users(name, salt, iterations, stored_key, server_key, created) VALUES (?,?,?,?,?,?) "
                            + "ON CONFLICT(name) DO NOTHING")) {
                bind(s, user, credentials);
                s.setString(6, Instant.now().toString());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Creates the user or replaces its keys. */
    void upsert(String user, ScramCredentials credentials) throws SQLException {
        database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO users(name, salt, iterations, stored_key, server_key, created) VALUES (?,?,?,?,?,?) "
                            + "ON CONFLICT(name) DO UPDATE SET salt = excluded.salt, iterations = excluded.iterations, "
                            + "stored_key = excluded.stored_key, server_key = excluded.server_key")) {
                bind(s, user, credentials);
                s.setString(6, Instant.now().toString());
                return s.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement s, String user, ScramCredentials credentials) throws SQLException {
        s.setString(1, user);
        s.setBytes(2, credentials.salt());
        s.setInt(3, credentials.iterations());
        s.setBytes(4, credentials.storedKey());
        s.setBytes(5, credentials.serverKey());
    }

    static IOException io(SQLException e) {
        return new IOException("server database error: " + e.getMessage(), e);
    }
}
