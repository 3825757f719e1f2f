package org.switchboard.core.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Checks the history file before the app uses it. A damaged file is never repaired or deleted
 * in place: it is moved aside with its -wal and -shm (so SQLite can still open the copy with
 * everything it had) and the caller starts a new database and tells the user. Errors that are
 * not damage (locked, no permission) are thrown and leave the file where it is.
 */
final class IntegrityGuard {

    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IntegrityGuard() {
    }

    static Optional<HistoryRecovery> check(Path file, Clock clock) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String problem;
        SQLiteConfig readOnly = new SQLiteConfig();
        // Read-only, so that checking cannot change what it checks: a writable connection
        // would replay, checkpoint or delete the -wal of a damaged file before it is kept aside.
        readOnly.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                readOnly.toProperties());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            // quick_check reads every page (O(N)) but skips matching index entries to rows,
            // which integrity_check adds at several times the cost on a large history.
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check(20)")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            if (lines.equals(List.of("ok"))) {
                return Optional.empty();
            }
            problem = String.join("; ", lines);
        } catch (SQLException e) {
            if (!isDamage(e)) {
                throw new IOException("Cannot open the history database " + file + ": " + e.getMessage()
                        + ". The file was left untouched.", e);
            }
            problem = e.getMessage();
        }
        Path keptAs = moveAside(file, clock);
        return Optional.of(new HistoryRecovery(file, keptAs, problem, clock.instant()));
    }

    static boolean isDamage(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    }

    private static Path moveAside(Path file, Clock clock) throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path keptAs = file.resolveSibling(base);
        for (int n = 1; Files.exists(keptAs); n++) {
            keptAs = file.resolveSibling(base + "-" + n);
        }
        // The journal files first: a main file without its WAL would look older than it is.
        for (String suffix : List.of("-wal", "-shm")) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                Files.move(companion, keptAs.resolveSibling(keptAs.getFileName() + suffix));
            }
        }
        Files.move(file, keptAs);
        return keptAs;
    }
}
