package org.switchboard.core.history;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The history database failed its check at start: the file (with its -wal and -shm) was moved
 * aside untouched as {@code keptAs}, and a new, empty database was started in its place.
 */
public record HistoryRecovery(Path original, Path keptAs, String problem, Instant at) {
}
