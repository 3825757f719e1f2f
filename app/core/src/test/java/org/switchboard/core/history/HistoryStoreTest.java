package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

class HistoryStoreTest {

    @TempDir
    Path dir;

    private Path file;
    private HistoryStore history;
    private final AccountId account = new AccountId("acc-1");
    private final ConversationId chat = new ConversationId(new ContactAddress(account, "bob"));

    @BeforeEach
    void open() throws IOException {
        file = dir.resolve("history.db");
        history = HistoryStore.open(file);
    }

    @AfterEach
    void close() {
        history.close();
    }

    private static StoredMessage message(ConversationId c, MessageId id, Direction d, String body, MessageStatus s) {
        return new StoredMessage(0, c, id, d, body, Instant.ofEpochMilli(1_700_000_000_000L), s, null);
    }

    private Optional<StoredMessage> add(MessageId id, String body) {
        return history.add(message(chat, id, Direction.INCOMING, body, MessageStatus.DELIVERED)).join();
    }

    @Test
    void theSeqOfADeletedNewestMessageIsNotGivenAgainNotEvenAfterARestart() throws Exception {
        add(MessageId.of("first"), "first");
        long gone = add(MessageId.of("gone"), "soon gone").orElseThrow().seq();
        // Deleted through the view of rows, as a tool outside the app might.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DELETE FROM messages WHERE seq = " + gone);
        }

        assertThat(add(MessageId.of("next"), "next").orElseThrow().seq()).isGreaterThan(gone);
        history.close();
        history = HistoryStore.open(file);
        long afterRestart = add(MessageId.of("after"), "after").orElseThrow().seq();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DELETE FROM messages WHERE seq = " + afterRestart);
        }
        history.close();
        history = HistoryStore.open(file);
        assertThat(add(MessageId.of("last"), "last").orElseThrow().seq()).isGreaterThan(afterRestart);
    }

    @Test
    void migratesAnEmptyFileAndReopeningChangesNothing() throws Exception {
        assertThat(history.schemaVersion().join()).isEqualTo(Migrations.latestVersion());
        history.close();
        long sizeBefore = Files.size(file);

        history = HistoryStore.open(file);

        assertThat(history.schemaVersion().join()).isEqualTo(Migrations.latestVersion());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(Files.size(file)).isEqualTo(sizeBefore);
    }

    @Test
    void usesWriteAheadLogging() {
        assertThat(history.journalMode().join()).isEqualToIgnoringCase("wal");
    }

    @Test
    void storesTheSameMessageOnce() {
        MessageId live = new MessageId("c-1", "n-1");

        assertThat(add(live, "hi")).isPresent();
        assertThat(add(live, "hi")).isEmpty();
        assertThat(add(new MessageId("other-client-id", "n-1"), "hi")).as("same network id").isEmpty();

        assertThat(history.recent(chat, 10).join()).hasSize(1);
    }

    @Test
    void keepsTheOrderOfStoringAndReturnsTheNewestOldestFirst() {
        for (int i = 0; i < 5; i++) {
            add(MessageId.of("m" + i), "text " + i);
        }

        List<StoredMessage> last3 = history.recent(chat, 3).join();

        assertThat(last3).extracting(StoredMessage::body).containsExactly("text 2", "text 3", "text 4");
        assertThat(last3).extracting(StoredMessage::seq).isSorted();
    }

    @Test
    void statusOnlyMovesForwardAndFailsOnlyFromQueued() {
        MessageId id = MessageId.of("out-1");
        history.add(message(chat, id, Direction.OUTGOING, "hello", MessageStatus.QUEUED)).join();

        assertThat(history.updateStatus(chat, id.withNetworkId("srv-9"), MessageStatus.SENT, null).join())
                .get().satisfies(m -> assertThat(m.id().networkId()).isEqualTo("srv-9"));
        assertThat(history.updateStatus(chat, id, MessageStatus.READ, null).join()).isPresent();
        assertThat(history.updateStatus(chat, id, MessageStatus.DELIVERED, null).join()).isEmpty();
        assertThat(history.updateStatus(chat, id, MessageStatus.FAILED, "late").join()).isEmpty();

        StoredMessage stored = history.recent(chat, 1).join().getFirst();
        assertThat(stored.status()).isEqualTo(MessageStatus.READ);
        assertThat(stored.id().networkId()).isEqualTo("srv-9");

        MessageId doomed = MessageId.of("out-2");
        history.add(message(chat, doomed, Direction.OUTGOING, "x", MessageStatus.QUEUED)).join();
        assertThat(history.updateStatus(chat, doomed, MessageStatus.FAILED, "too big").join())
                .get().satisfies(m -> assertThat(m.failure()).isEqualTo("too big"));
    }

    @Test
    void findsAMessageByItsNetworkIdToo() {
        MessageId id = MessageId.of("out-1");
        history.add(message(chat, id, Direction.OUTGOING, "hello", MessageStatus.QUEUED)).join();
        history.updateStatus(chat, id.withNetworkId("srv-1"), MessageStatus.SENT, null).join();

        assertThat(history.updateStatus(chat, new MessageId("unknown", "srv-1"), MessageStatus.DELIVERED, null).join())
                .get().satisfies(m -> assertThat(m.id().clientId()).isEqualTo("out-1"));
    }

    @Test
    void batchedWritesAreVisibleAfterFlushAndSurviveReopening() {
        List<CompletableFuture<Optional<StoredMessage>>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            writes.add(history.add(message(chat, MessageId.of("b" + i), Direction.INCOMING, "n" + i,
                    MessageStatus.DELIVERED)));
        }
        history.flush().join();

        assertThat(writes).allSatisfy(w -> assertThat(w).isCompleted());
        assertThat(history.recent(chat, 1000).join()).hasSize(200);
        assertThat(history.unreadCounts().join()).containsEntry(chat, 200);

        history.close();
        history = assertReopens();
        assertThat(history.recent(chat, 1000).join()).hasSize(200).last()
                .satisfies(m -> assertThat(m.body()).isEqualTo("n199"));
    }

    @Test
    void outboxListsQueuedMessagesOfOneAccountInOrder() {
        ConversationId other = new ConversationId(new ContactAddress(new AccountId("acc-2"), "eve"));
        history.add(message(chat, MessageId.of("q1"), Direction.OUTGOING, "1", MessageStatus.QUEUED)).join();
        history.add(message(other, MessageId.of("q2"), Direction.OUTGOING, "2", MessageStatus.QUEUED)).join();
        history.add(message(chat, MessageId.of("q3"), Direction.OUTGOING, "3", MessageStatus.QUEUED)).join();

        assertThat(history.queued(account).join()).extracting(StoredMessage::body).containsExactly("1", "3");
    }

    @Test
    void aFileThatIsNotADatabaseIsKeptAsideByteForByteAndReported() throws IOException {
        Path broken = dir.resolve("broken.db");
        Files.writeString(broken, "this is not a database, but it is the user's file ".repeat(100));
        byte[] before = Files.readAllBytes(broken);

        try (HistoryStore fresh = HistoryStore.open(broken)) {
            HistoryRecovery recovery = fresh.recovery().orElseThrow();
            assertThat(recovery.original()).isEqualTo(broken);
            assertThat(recovery.keptAs().getFileName().toString()).startsWith("broken.db.corrupt-");
            assertThat(Files.readAllBytes(recovery.keptAs())).isEqualTo(before);
            assertThat(fresh.recent(chat, 10).join()).isEmpty();
        }
    }

    @Test
    void aFileThatCannotBeOpenedForAnotherReasonIsThrownAndLeftInPlace() throws IOException {
        Path folder = dir.resolve("a-folder.db");
        Files.createDirectories(folder);

        assertThatThrownBy(() -> HistoryStore.open(folder))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Cannot open the history database");
        assertThat(folder).isDirectory();
    }

    private HistoryStore assertReopens() {
        try {
            return HistoryStore.open(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
