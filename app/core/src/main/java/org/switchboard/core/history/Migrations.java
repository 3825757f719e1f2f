package org.switchboard.core.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a history database to the newest schema with {@code PRAGMA user_version}: each
 * script in {@link #SCRIPTS} is version (index + 1). Listed here rather than discovered because
 * a class path cannot be listed reliably inside a jar.
 */
public final class Migrations {

    static final List<String> SCRIPTS = List.of("V1__messages.sql", "V2__search.sql", "V3__rooms.sql",
            "V4__keys_and_plain_index.sql", "V5__search_index_file.sql", "V6__keys_held_in_memory.sql",
            "V7__key_runs.sql", "V8__compact_rows.sql");

    private static final String FOLDER = "/db/history/";

    /**
     * The version whose script creates the de-duplication keys; the rows already stored are
     * keyed after it, in Java (their keys are computed there). The full-text index is no longer
     * in this file (V5): {@link SearchIndexCatchUp} builds it beside the history at open.
     */
    static final int KEYS_VERSION = 4;

    /** The version whose script creates the runs of keys; the app moves the V4 key table into them. */
    static final int KEY_RUNS_VERSION = 7;

    private Migrations() {
    }

    public static int latestVersion() {
        return SCRIPTS.size();
    }

    /** Applies the missing scripts in one transaction; returns the version reached. */
    public static int migrate(Connection connection) throws SQLException, IOException {
        int current = userVersion(connection);
        if (current > latestVersion()) {
            throw new IOException("the history database has schema version " + current
                    + ", newer than this Switchboard understands (" + latestVersion()
                    + "); it was written by a newer version");
        }
        if (current == latestVersion()) {
            return current;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (int version = current + 1; version <= latestVersion(); version++) {
                for (String sql : statements(read(SCRIPTS.get(version - 1)))) {
                    statement.execute(sql);
                }
                if (version == KEYS_VERSION) {
                    ExistingRowKeys.claim(connection);
                }
                if (version == KEY_RUNS_VERSION) {
                    KeyRuns.convert(connection);
                }
                // user_version lives in the database header, which the transaction covers.
                statement.execute("PRAGMA user_version = " + version);
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return latestVersion();
    }

    public static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String read(String script) throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + script)) {
            if (in == null) {
                throw new IOException("migration script " + script + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Splits a script into statements: each ends with a line ending in ';', except inside a
     * trigger, whose body ends with a line {@code END;}.
     */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            String upper = trimmed.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            boolean ends = inTrigger ? upper.equals("END;") : trimmed.endsWith(";");
            if (ends) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1).strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
