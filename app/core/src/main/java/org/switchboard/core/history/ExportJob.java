package org.switchboard.core.history;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A running export. {@link #done()} completes with the file and how many messages it holds, or
 * with a {@link java.util.concurrent.CancellationException} after {@link #cancel()}; a cancelled
 * or failed export leaves no partial file behind.
 */
public interface ExportJob {

    /** Progress of an export; called on the export's own thread, at most a few times a second. */
    @FunctionalInterface
    interface Listener {
        void progress(long written, long total);
    }

    record Result(Path file, long messages) {
    }

    CompletableFuture<Result> done();

    void cancel();
}
