package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The search index in its own file, written behind the history (docs/decisions/0011): searches
 * see every write made before them, and an index left behind, out of step, damaged or missing is
 * brought up to date at open. An index entry the app would never make ("ghost") shows whether the
 * index was rebuilt (it goes) or only caught up (it stays).
 */
class SearchIndexFileTest {

    @TempDir
    Path dir;

    private Path file;
    private Path indexFile;
    private HistoryStore history;
    private final AccountId account = new AccountId("acc");
    private final ConversationId chat = new ConversationId(new ContactAddress(account, "bob"));

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("history.db");
        indexFile = SearchIndexCatchUp.fileFor(file);
        history = HistoryStore.open(file);
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void theIndexIsAFileOfItsOwnBesideTheHistory() {
        assertThat(indexFile).exists().hasFileName("history-search.db");
    }

    @Test
    void aSearchSeesEveryWriteCompletedBeforeIt() {
        for (int round = 0; round < 5; round++) {
            List<StoredMessage> batch = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                batch.add(message("r" + round + "-" + i, "round" + round + " message " + i));
            }
            history.addAll(batch).join();
            assertThat(history.search(SearchQuery.of("round" + round).limit(5_000)).join()).hasSize(4_000);
        }
        StoredMessage last = history.add(message("last", "a word said once")).join().orElseThrow();
        history.correct(chat, last.id(), "corrected wording").join();
        assertThat(history.search(SearchQuery.of("once")).join()).isEmpty();
        assertThat(history.search(SearchQuery.of("wording")).join()).hasSize(1);
        history.deleteOlderThan(account, Instant.ofEpochMilli(1_700_000_000_001L), 100_000).join();
        assertThat(history.search(SearchQuery.of("wording")).join()).isEmpty();
        assertThat(history.search(SearchQuery.of("round3")).join()).isEmpty();
    }

    @Test
    void rowsWrittenToTheIndexAreCommittedWithinASecondWhenNobodySearches() throws Exception {
        StoredMessage stored = history.add(message("one", "nobody searches for this")).join().orElseThrow();

        // The index holds rows back to write them as one large segment, but not for long.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> indexState("indexed_seq"), seq -> seq != null && Long.parseLong(seq) == stored.seq());
    }

    @Test
    void rowsHeldBackUncommittedAreCommittedAtCloseNotLeftForTheNextOpen() throws Exception {
        List<StoredMessage> batch = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            batch.add(message("m" + i, "written just before closing " + i));
        }
        history.addAll(batch).join();
        long last = history.recent(chat, 1).join().getLast().seq();
        history.close();

        assertThat(indexState("indexed_seq")).isEqualTo(Long.toString(last));
        history = HistoryStore.open(file);
        assertThat(history.search(SearchQuery.of("closing").limit(2_000)).join()).hasSize(1_000);
    }

    @Test
    void messagesTheIndexHadNotWrittenAreIndexedAtOpen() throws Exception {
        StoredMessage first = history.add(message("one", "first words")).join().orElseThrow();
        StoredMessage second = history.add(message("two", "second words")).join().orElseThrow();
        history.close();
        // As if the app stopped after storing the second message, before its index entry was written.
        onIndex("INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', " + second.seq() + ", 'second words')",
                "UPDATE index_state SET value = '" + first.seq() + "' WHERE key = 'indexed_seq'",
                ghostFor(first));
        history = HistoryStore.open(file);

        assertThat(history.search(SearchQuery.of("second")).join()).hasSize(1);
        assertThat(history.search(SearchQuery.of("words")).join()).hasSize(2);
        assertThat(history.search(SearchQuery.of("ghost")).join()).as("caught up, not rebuilt").hasSize(1);
    }

    @Test
    void anIndexThatMissedACorrectionIsRebuilt() throws Exception {
        StoredMessage stored = history.add(message("one", "the old text")).join().orElseThrow();
        history.correct(chat, stored.id(), "the new text").join();
        history.search(SearchQuery.of("new")).join();
        history.close();
        // As if the app stopped before the index took the correction in.
        onIndex("UPDATE index_state SET value = '0' WHERE key = 'applied_changes'", ghostFor(stored));
        history = HistoryStore.open(file);

        assertThat(history.search(SearchQuery.of("ghost")).join()).isEmpty();
        assertThat(history.search(SearchQuery.of("new text")).join()).hasSize(1);
        assertThat(history.search(SearchQuery.of("old")).join()).isEmpty();
    }

    @Test
    void anIndexMadeByAnotherRuntimeIsRebuilt() throws Exception {
        StoredMessage stored = history.add(message("one", "plain words")).join().orElseThrow();
        history.close();
        onIndex(ghostFor(stored));
        history = HistoryStore.open(file);
        assertThat(history.search(SearchQuery.of("ghost")).join()).as("same runtime: kept").hasSize(1);
        history.close();

        // An entry the current rules would not make, as a Java with other Unicode tables might have.
        onIndex("UPDATE index_state SET value = 'index-text=1;java=21' WHERE key = 'fingerprint'");
        history = HistoryStore.open(file);

        assertThat(history.search(SearchQuery.of("ghost")).join()).isEmpty();
        assertThat(history.search(SearchQuery.of("plain words")).join()).hasSize(1);
    }

    @Test
    void anIndexBuiltForAnotherHistoryIsRebuilt() throws Exception {
        StoredMessage stored = history.add(message("one", "plain words")).join().orElseThrow();
        history.close();
        onIndex(ghostFor(stored), "UPDATE index_state SET value = 'another' WHERE key = 'history_id'");
        history = HistoryStore.open(file);

        assertThat(history.search(SearchQuery.of("ghost")).join()).isEmpty();
        assertThat(history.search(SearchQuery.of("plain")).join()).hasSize(1);
    }

    @Test
    void aMissingIndexIsBuiltAgain() throws Exception {
        history.add(message("one", "kept in the history")).join();
        history.close();
        SearchIndexCatchUp.delete(indexFile);
        history = HistoryStore.open(file);

        assertThat(history.search(SearchQuery.of("kept")).join()).hasSize(1);
    }

    @Test
    void aDamagedIndexIsBuiltAgainAndTheHistoryIsUntouched() throws Exception {
        history.add(message("one", "kept in the history")).join();
        history.close();
        SearchIndexCatchUp.delete(indexFile);
        Files.write(indexFile, "this is not a database, it is damage".repeat(200).getBytes());
        history = HistoryStore.open(file);

        assertThat(history.recovery()).as("the history itself was fine").isEmpty();
        assertThat(history.recent(chat, 10).join()).extracting(StoredMessage::body).containsExactly("kept in the history");
        assertThat(history.search(SearchQuery.of("kept")).join()).hasSize(1);
    }

    @Test
    void whenTheIndexCannotBeWrittenSearchesSaySoAndTheHistoryKeepsEverything() throws Exception {
        history.close();
        // A write the index file refuses, as a full disk would.
        onIndex("CREATE TRIGGER refuse BEFORE INSERT ON index_state BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        history = HistoryStore.open(file);

        assertThat(history.add(message("one", "stored all the same")).join()).isPresent();
        assertThat(history.search(SearchQuery.of("stored")))
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableThat().withMessageContaining("search index could not be updated")
                .withMessageContaining("refused by the test");
        assertThat(history.add(message("two", "and this one")).join()).as("writes go on").isPresent();
        history.close();

        onIndex("DROP TRIGGER refuse");
        history = HistoryStore.open(file);
        assertThat(history.search(SearchQuery.of("stored")).join()).hasSize(1);
        assertThat(history.search(SearchQuery.of("this one")).join()).hasSize(1);
    }

    @Test
    void aHistoryWhoseIndexCannotBeMadeOpensWithoutSearch() throws Exception {
        history.add(message("one", "kept in the history")).join();
        history.close();
        SearchIndexCatchUp.delete(indexFile);
        // Something in the way that cannot be deleted: a folder with a file in it.
        Files.createDirectories(indexFile);
        Files.writeString(indexFile.resolve("in-the-way"), "x");
        history = HistoryStore.open(file);

        assertThat(history.add(message("two", "stored all the same")).join()).isPresent();
        assertThat(history.recent(chat, 10).join()).hasSize(2);
        assertThat(history.search(SearchQuery.of("kept")))
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableThat().withMessageContaining("search index");
        history.close();

        Files.delete(indexFile.resolve("in-the-way"));
        Files.delete(indexFile);
        history = HistoryStore.open(file);
        assertThat(history.search(SearchQuery.of("stored")).join()).hasSize(1);
    }

    private StoredMessage message(String id, String body) {
        return new StoredMessage(0, chat, MessageId.of(id), Direction.INCOMING, body,
                Instant.ofEpochMilli(1_700_000_000_000L), MessageStatus.DELIVERED, null);
    }

    private static String ghostFor(StoredMessage m) {
        return "INSERT INTO messages_fts (rowid, body) VALUES (" + m.seq() + ", 'ghost')";
    }

    /** A value of the index's state as committed in its file, as another connection sees it. */
    private String indexState(String key) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + indexFile)) {
            return KeyValues.SEARCH_INDEX.get(c, key);
        }
    }

    private void onIndex(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + indexFile); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
