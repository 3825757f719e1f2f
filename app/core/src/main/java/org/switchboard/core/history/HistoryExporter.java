package org.switchboard.core.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;

/**
 * Runs one export on a thread of its own with its own read connection, so a long export holds
 * up neither searches nor the chat. It writes to a temporary file beside the target and moves
 * it into place only when complete: a cancelled or failed export leaves nothing half-written.
 */
final class HistoryExporter implements ExportJob {

    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;

    private final HistoryStore store;
    private final ExportRequest request;
    private final ExportJob.Listener listener;
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private volatile boolean cancelled;

    private HistoryExporter(HistoryStore store, ExportRequest request, ExportJob.Listener listener) {
        this.store = store;
        this.request = request;
        this.listener = listener;
    }

    static ExportJob start(HistoryStore store, ExportRequest request, ExportJob.Listener listener) {
        HistoryExporter job = new HistoryExporter(store, request, listener);
        Thread.ofPlatform().name("switchboard-history-export").daemon(true).start(job::run);
        return job;
    }

    @Override
    public CompletableFuture<Result> done() {
        return done;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    private void run() {
        Path target = request.target().toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            long written = write(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done.complete(new Result(target, written));
        } catch (CancellationException e) {
            deleteQuietly(partial);
            done.completeExceptionally(e);
        } catch (IOException | SQLException | RuntimeException e) {
            deleteQuietly(partial);
            done.completeExceptionally(e instanceof IOException io ? new UncheckedIOException(io) : e);
        }
    }

    private long write(Path partial) throws IOException, SQLException {
        Files.createDirectories(partial.getParent());
        String where = request.conversation().isPresent() ? " WHERE conversation = ?" : "";
        try (Connection c = store.openLongReader();
             Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(partial),
                     StandardCharsets.UTF_8), 1 << 16)) {
            // One transaction: the count and the rows come from the same snapshot.
            c.setAutoCommit(false);
            long total = count(c, where);
            ExportWriter writer = ExportWriter.of(request.format(), out);
            writer.begin(total);
            listener.progress(0, total);
            long written = 0;
            long lastReport = System.nanoTime();
            try (PreparedStatement s = c.prepareStatement("SELECT " + MessageRows.COLUMNS
                    + " FROM messages" + where + " ORDER BY conversation, seq")) {
                bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    ConversationId current = null;
                    while (rs.next()) {
                        if (cancelled) {
                            throw new CancellationException("export cancelled");
                        }
                        StoredMessage m = MessageRows.read(rs);
                        if (!m.conversation().equals(current)) {
                            current = m.conversation();
                            writer.conversation(current);
                        }
                        writer.message(m);
                        written++;
                        if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
                            lastReport = System.nanoTime();
                            listener.progress(written, total);
                        }
                    }
                }
            } finally {
                c.rollback();
            }
            writer.end();
            listener.progress(written, total);
            return written;
        }
    }

    private long count(Connection c, String where) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM messages" + where)) {
            bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void bind(PreparedStatement s) throws SQLException {
        if (request.conversation().isPresent()) {
            s.setString(1, request.conversation().get().key());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover .part file is harmless and named as what it is.
        }
    }
}
