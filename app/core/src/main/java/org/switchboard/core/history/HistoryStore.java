package org.switchboard.core.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/**
 * The message history in one SQLite database (WAL): writes go to the one writer thread in
 * batched transactions, reads run on their own connection and thread. Every future completes
 * off the caller's thread.
 */
public final class HistoryStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);

    private final Path file;
    private final HistoryWriter writer;
    private final WalCheckpointer checkpointer;
    /** Null when the search index could not be opened. */
    private final WalCheckpointer indexCheckpointer;
    private final SearchIndexer indexer;
    /** Used on the writer thread only. */
    private final SearchIndexFeed searchFeed;
    /** Used on the writer thread only. */
    private final MessageInserter inserter;
    private final CompletableFuture<Void> keyFilter;
    private final Connection readConnection;
    private final ExecutorService reader;
    private final Optional<HistoryRecovery> recovery;

    /** {@code index} is null when the search index could not be opened ({@code indexFailure} says why). */
    private HistoryStore(Path file, Connection writeConnection, Connection readConnection, Connection index,
                         Exception indexFailure, Optional<HistoryRecovery> recovery) throws SQLException {
        this.file = file;
        this.recovery = recovery;
        this.readConnection = readConnection;
        this.checkpointer = new WalCheckpointer(file);
        WalCheckpointer forIndex = null;
        SearchIndexer started = null;
        try {
            if (index == null) {
                started = SearchIndexer.unavailable(indexFailure);
            } else {
                forIndex = new WalCheckpointer(SearchIndexCatchUp.fileFor(file));
                started = new SearchIndexer(index, forIndex::committed);
            }
            this.indexCheckpointer = forIndex;
            this.indexer = started;
            this.searchFeed = new SearchIndexFeed(writeConnection, indexer::accept);
            this.inserter = new MessageInserter(searchFeed);
            this.writer = new HistoryWriter(writeConnection, searchFeed, inserter::rolledBack,
                    checkpointer::committed);
        } catch (SQLException | RuntimeException e) {
            // Threads already started would otherwise keep both files open.
            if (started != null) {
                started.close();
            }
            if (forIndex != null) {
                forIndex.close();
            }
            checkpointer.close();
            throw e;
        }
        this.keyFilter = inserter.buildKeyFilter(file);
        this.reader = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("switchboard-history-reader").daemon(true).factory());
    }

    /**
     * Opens (creating if absent) and migrates the database. A file that fails SQLite's check is
     * moved aside untouched and a new database started: see {@link #recovery()}. Any other
     * failure is thrown and leaves the file alone: it may hold the user's only copy of their history.
     */
    public static HistoryStore open(Path file) throws IOException {
        return open(file, Clock.systemUTC());
    }

    public static HistoryStore open(Path file, Clock clock) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Optional<HistoryRecovery> recovery = IntegrityGuard.check(file, clock);
        Connection write = null;
        Connection read = null;
        Connection index = null;
        try {
            write = HistoryConnections.writer(file, 32 << 10);
            Migrations.migrate(write);
            Path indexFile = SearchIndexCatchUp.fileFor(file);
            Exception indexFailure = null;
            try {
                index = SearchIndexCatchUp.open(indexFile, write);
            } catch (SQLException | IOException | RuntimeException e) {
                // The history opens without search rather than not at all; the next open tries again.
                LOG.error("the search index {} cannot be opened; searching fails until it can", indexFile, e);
                indexFailure = e;
            }
            read = HistoryConnections.reader(file);
            if (index != null) {
                try (PreparedStatement s = read.prepareStatement("ATTACH DATABASE ? AS search")) {
                    s.setString(1, indexFile.toAbsolutePath().toString());
                    s.execute();
                }
            }
            return new HistoryStore(file, write, read, index, indexFailure, recovery);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(write);
            closeQuietly(read);
            closeQuietly(index);
            throw new IOException("Cannot open the history database " + file + ": " + e.getMessage()
                    + ". The file was left untouched.", e);
        }
    }

    public Path file() {
        return file;
    }

    /** Set when the file failed its check at open and this is a new database. */
    public Optional<HistoryRecovery> recovery() {
        return recovery;
    }

    /**
     * Stores many messages in one transaction (an archive download, an import); those already
     * there are skipped. Completes with how many were new.
     */
    public CompletableFuture<Integer> addAll(List<StoredMessage> messages) {
        List<StoredMessage> copy = List.copyOf(messages);
        return writer.submit(c -> inserter.insert(c, copy).size());
    }

    /** Full-text search; see {@link HistoryService#search}. Sees every message stored before it was asked. */
    public CompletableFuture<List<SearchHit>> search(SearchQuery query) {
        return indexer.caughtUp().thenCompose(v -> read(c -> HistorySearch.run(c, query)));
    }

    /** The message {@code seq} with up to {@code before} older and {@code after} newer ones, oldest first. */
    public CompletableFuture<List<StoredMessage>> around(ConversationId conversation, long seq, int before, int after) {
        return read(c -> ConversationReads.around(c, conversation, seq, before, after));
    }

    /**
     * Deletes up to {@code chunk} of the account's messages older than {@code cutoff}, never
     * one still waiting in the outbox; completes with how many went. Small chunks keep each
     * transaction short so live messages are not held up.
     */
    public CompletableFuture<Integer> deleteOlderThan(AccountId account, java.time.Instant cutoff, int chunk) {
        return writer.submit(c -> RetentionDeletes.deleteOlderThan(c, searchFeed, inserter.keys(), account, cutoff, chunk));
    }

    /** Starts an export on its own thread and connection; see {@link ExportJob}. */
    public ExportJob export(ExportRequest request, ExportJob.Listener listener) {
        return HistoryExporter.start(this, request, listener);
    }

    /** A new connection for a long read (an export) that must not hold up searches. */
    Connection openLongReader() throws SQLException {
        return HistoryConnections.reader(file);
    }

    /** Stores a message; empty when it is already there (same client id, or same network id). */
    public CompletableFuture<Optional<StoredMessage>> add(StoredMessage message) {
        return writer.submit(c -> inserter.insert(c, List.of(message)).stream().findFirst());
    }

    /**
     * Moves a message's status forward (never back; FAILED only from QUEUED) and records its
     * network id when it gets one. Empty when nothing changed or the message is unknown.
     */
    public CompletableFuture<Optional<StoredMessage>> updateStatus(ConversationId conversation, MessageId id,
                                                                   MessageStatus status, String failure) {
        return writer.submit(c -> StatusWrites.update(c, inserter.keys(), conversation, id, status, failure));
    }

    /**
     * Fails every message of a conversation still waiting to be sent, except {@code exceptSeq}
     * (one being sent; -1 for none), with {@code failure}; returns them as they are now. For a
     * room the user left: they can no longer go out.
     */
    public CompletableFuture<List<StoredMessage>> failQueued(ConversationId conversation, String failure,
                                                             long exceptSeq) {
        return writer.submit(c -> StatusWrites.failQueued(c, conversation, failure, exceptSeq));
    }

    /** Marks every unread incoming message of a conversation read; returns how many changed. */
    public CompletableFuture<Integer> markIncomingRead(ConversationId conversation) {
        return writer.submit(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE message_rows SET status = 'READ' WHERE conversation_id = "
                    + "(SELECT id FROM conversations WHERE key = ?) AND direction = 'INCOMING' AND status = 'DELIVERED'")) {
                s.setString(1, conversation.key());
                return s.executeUpdate();
            }
        });
    }

    /** Completes once everything written before is committed. */
    public CompletableFuture<Void> flush() {
        return writer.flush();
    }

    /**
     * Completes when what the store started in the background at open is done: the filter that
     * spares most de-duplication lookups is in memory. Writes do not wait for it; until then each
     * one looks its keys up. Completes normally even if the filter could not be built.
     */
    public CompletableFuture<Void> startupWork() {
        return keyFilter.exceptionally(failure -> null);
    }

    /** Completes once everything written before is committed and in the search index. */
    public CompletableFuture<Void> flushSearchIndex() {
        return writer.flush().thenCompose(v -> indexer.caughtUp());
    }

    /** The last {@code limit} messages of a conversation, oldest first. */
    public CompletableFuture<List<StoredMessage>> recent(ConversationId conversation, int limit) {
        return read(c -> ConversationReads.recent(c, conversation, limit));
    }

    /** The account's one-to-one outbox: its QUEUED messages in the order they were written. */
    public CompletableFuture<List<StoredMessage>> queued(AccountId account) {
        return queued(account, false);
    }

    /** The account's outbox of room messages, or of one-to-one messages, in the order they were written. */
    public CompletableFuture<List<StoredMessage>> queued(AccountId account, boolean rooms) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(MessageRows.SELECT_ALL
                    + "WHERE account = ? AND status = 'QUEUED' AND room = ? ORDER BY seq")) {
                s.setString(1, account.value());
                s.setInt(2, rooms ? 1 : 0);
                return MessageRows.all(s);
            }
        });
    }

    /**
     * Replaces the body of a stored message (a correction) and marks it edited; the full-text
     * index follows once it is committed. Empty when the message is unknown or already says that.
     */
    public CompletableFuture<Optional<StoredMessage>> correct(ConversationId conversation, MessageId original,
                                                              String newBody) {
        return writer.submit(c -> {
            Optional<StoredMessage> current = MessageRows.find(c, inserter.keys(), conversation, original);
            if (current.isEmpty() || current.get().body().equals(newBody)) {
                return Optional.empty();
            }
            StoredMessage old = current.get();
            try (PreparedStatement s = c.prepareStatement("UPDATE message_rows SET body = ?, edited = 1 WHERE seq = ?")) {
                s.setString(1, newBody);
                s.setLong(2, old.seq());
                s.executeUpdate();
            }
            searchFeed.changed(c, old.seq(), old.body(), newBody);
            return Optional.of(new StoredMessage(old.seq(), old.conversation(), old.id(), old.direction(), newBody,
                    old.timestamp(), old.status(), old.failure(), old.sender(), old.kind(), true));
        });
    }

    /** The newest incoming message of a conversation, the one a read receipt names. */
    public CompletableFuture<Optional<StoredMessage>> lastIncoming(ConversationId conversation) {
        return read(c -> ConversationReads.lastIncoming(c, conversation));
    }

    /** Unread incoming messages per conversation (those not yet marked READ). */
    public CompletableFuture<Map<ConversationId, Integer>> unreadCounts() {
        return read(c -> ConversationReads.unreadCounts(c));
    }

    /** Where the account's one-to-one history stands against the server's archive (after pending writes). */
    public CompletableFuture<ArchiveMark> archiveMark(AccountId account) {
        return flush().thenCompose(v -> read(c -> ArchiveMark.read(c, account)));
    }

    /** Where a room's history stands against the room's archive. */
    public CompletableFuture<ArchiveMark> roomArchiveMark(ConversationId room) {
        return flush().thenCompose(v -> read(c -> ArchiveMark.readRoom(c, room.key())));
    }

    /** The journal mode in force (WAL unless the file system refused it). */
    public CompletableFuture<String> journalMode() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    public CompletableFuture<Integer> schemaVersion() {
        return read(Migrations::userVersion);
    }

    private <T> CompletableFuture<T> read(HistoryWriter.Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run(readConnection);
            } catch (SQLException e) {
                throw new IllegalStateException("reading history failed: " + e.getMessage(), e);
            }
        }, reader);
    }

    /** Writes what is queued and closes both connections. */
    @Override
    public void close() {
        writer.close(5_000);
        // After the writer, which hands the index its last work.
        indexer.close();
        // After the writers: the last connection to close checkpoints what is left and removes the log.
        checkpointer.close();
        if (indexCheckpointer != null) {
            indexCheckpointer.close();
        }
        reader.shutdown();
        try {
            if (!reader.awaitTermination(2, TimeUnit.SECONDS)) {
                reader.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(readConnection);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Nothing more to do for a connection being abandoned.
            }
        }
    }
}
