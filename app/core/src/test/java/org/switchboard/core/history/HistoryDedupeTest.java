package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * De-duplication through 64-bit keys (docs/decisions/0010) stays exact: a message stored once
 * per conversation and client id, and once per account and network id, also when two messages
 * share a key. A collision is made by giving one message's key to another in the file, as a
 * real collision would leave it.
 */
class HistoryDedupeTest {

    @TempDir
    Path dir;

    private Path file;
    private HistoryStore history;
    private final AccountId account = new AccountId("acc");
    private final ConversationId chat = new ConversationId(new ContactAddress(account, "bob"));
    private final ConversationId other = new ConversationId(new ContactAddress(account, "eve"));

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("history.db");
        history = HistoryStore.open(file);
    }

    @AfterEach
    void close() {
        history.close();
    }

    private static StoredMessage message(ConversationId c, MessageId id, String body) {
        return new StoredMessage(0, c, id, Direction.INCOMING, body, Instant.ofEpochMilli(1_700_000_000_000L),
                MessageStatus.DELIVERED, null);
    }

    private Optional<StoredMessage> add(ConversationId c, MessageId id, String body) {
        return history.add(message(c, id, body)).join();
    }

    @Test
    void aBatchStoresEachMessageOnceAndSkipsWhatIsAlreadyStored() {
        add(chat, MessageId.of("a"), "first");

        int added = history.addAll(List.of(message(chat, MessageId.of("a"), "first again"),
                message(chat, MessageId.of("b"), "second"), message(chat, MessageId.of("b"), "second twice"),
                message(other, MessageId.of("a"), "same id, other conversation"))).join();

        assertThat(added).isEqualTo(2);
        assertThat(history.recent(chat, 10).join()).extracting(StoredMessage::body).containsExactly("first", "second");
        assertThat(history.recent(other, 10).join()).extracting(StoredMessage::body)
                .containsExactly("same id, other conversation");
        assertThat(history.recent(chat, 10).join()).extracting(StoredMessage::seq).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aMessageRefusedForItsNetworkIdGivesItsClientIdBack() {
        add(chat, new MessageId("live", "stanza-1"), "hello");

        assertThat(add(chat, new MessageId("archive-copy", "stanza-1"), "hello")).as("same network id").isEmpty();
        assertThat(add(chat, new MessageId("archive-copy", "stanza-2"), "a later one")).isPresent();
        assertThat(history.recent(chat, 10).join()).extracting(StoredMessage::body).containsExactly("hello", "a later one");
    }

    @Test
    void twoMessagesWithTheSameKeyAreBothStoredOnceAndBothFound() throws Exception {
        StoredMessage first = add(chat, MessageId.of("first"), "the first").orElseThrow();
        whileClosed(lendKey("second", first.seq()));

        assertThat(add(chat, MessageId.of("second"), "the second")).isPresent();
        assertThat(add(chat, MessageId.of("second"), "the second")).as("stored once").isEmpty();
        assertThat(add(chat, MessageId.of("first"), "the first")).as("stored once").isEmpty();
        assertThat(history.recent(chat, 10).join()).extracting(StoredMessage::body)
                .containsExactly("the first", "the second");

        assertThat(history.updateStatus(chat, MessageId.of("second"), MessageStatus.READ, null).join())
                .get().satisfies(m -> assertThat(m.body()).isEqualTo("the second"));
        assertThat(history.updateStatus(chat, MessageId.of("first"), MessageStatus.READ, null).join())
                .get().satisfies(m -> assertThat(m.body()).isEqualTo("the first"));
        assertThat(history.correct(chat, MessageId.of("second"), "the second, corrected").join()).isPresent();
        assertThat(history.search(SearchQuery.of("corrected")).join()).hasSize(1);
    }

    @Test
    void aMessageKeptAsACollisionIsNotStoredAgainOnceItsKeyIsFree() throws Exception {
        StoredMessage first = add(chat, MessageId.of("first"), "the first").orElseThrow();
        whileClosed(lendKey("second", first.seq()));
        assertThat(add(chat, MessageId.of("second"), "the second")).isPresent();
        // The message holding the key goes: the key is left stale.
        whileClosed("DELETE FROM messages WHERE seq = " + first.seq());

        assertThat(add(chat, MessageId.of("second"), "the second")).as("stale key").isEmpty();

        whileClosed("DELETE FROM message_key_blocks WHERE run = " + LENT_RUN);
        assertThat(add(chat, MessageId.of("second"), "the second")).as("free key").isEmpty();
        assertThat(history.recent(chat, 10).join()).extracting(StoredMessage::body).containsExactly("the second");
    }

    @Test
    void aKeyWhoseMessageWasDeletedGoesToTheNextMessageWithIt() throws Exception {
        StoredMessage first = add(chat, MessageId.of("first"), "the first").orElseThrow();
        long laterKey = DedupeKey.of(chat.key(), "later");
        // Deleting the message takes its own key with it; the borrowed one stays behind, stale.
        whileClosed(lendKey("later", first.seq()), "DELETE FROM messages WHERE seq = " + first.seq());

        StoredMessage later = add(chat, MessageId.of("later"), "the later one").orElseThrow();

        assertThat(add(chat, MessageId.of("later"), "the later one")).as("stored once").isEmpty();
        assertThat(keyOwner(laterKey)).isEqualTo(later.seq());
        assertThat(add(chat, MessageId.of("first"), "the first, again")).as("its key left with it").isPresent();
    }

    @Test
    void deletingAMessageFreesItsKeySoItCanBeStoredAgain() throws Exception {
        add(chat, MessageId.of("gone"), "soon gone");
        whileClosed("DELETE FROM messages");

        assertThat(keyCount()).isZero();
        assertThat(add(chat, MessageId.of("gone"), "back again")).isPresent();
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNoKeyBehind() throws Exception {
        add(chat, MessageId.of("before"), "before");
        // The row is refused after its key was claimed.
        whileClosed("CREATE TRIGGER refuse BEFORE INSERT ON message_rows WHEN NEW.body = 'refused' "
                + "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");

        assertThat(history.add(message(chat, MessageId.of("failing"), "refused")))
                .failsWithin(java.time.Duration.ofSeconds(10));
        assertThat(history.add(message(chat, MessageId.of("after"), "after")).join()).isPresent();

        assertThat(keyCount()).as("the failed write's key went with it").isEqualTo(2);
        assertThat(history.recent(chat, 10).join()).extracting(StoredMessage::body).containsExactly("before", "after");
        assertThat(history.search(SearchQuery.of("after")).join()).hasSize(1);
    }

    @Test
    void keysMovedToTheLargeTableStillKeepMessagesOnce() throws Exception {
        // Keys move when a batch starts with MOVE_AT held: the batch after the one that reached it.
        int total = DedupeKeys.MOVE_AT + 20_000;
        List<StoredMessage> batch = new java.util.ArrayList<>();
        for (int i = 0; i < total; i++) {
            batch.add(message(i % 2 == 0 ? chat : other, MessageId.of("bulk-" + i), "bulk " + i));
            if (batch.size() == 10_000 || i == total - 1) {
                history.addAll(batch).join();
                batch.clear();
            }
        }

        assertThat(count(PAIRS_IN_RUNS)).as("moved").isGreaterThanOrEqualTo(DedupeKeys.MOVE_AT);
        assertThat(count("SELECT COUNT(*) FROM (" + HELD + ")")).as("held since").isLessThan(DedupeKeys.MOVE_AT);
        assertThat(history.addAll(List.of(message(chat, MessageId.of("bulk-0"), "bulk 0"),
                message(other, MessageId.of("bulk-" + (total - 1)), "last"),
                message(chat, MessageId.of("bulk-new"), "new"))).join()).isEqualTo(1);
        assertThat(history.updateStatus(chat, MessageId.of("bulk-2"), MessageStatus.READ, null).join()).isPresent();
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The keys the store holds in memory, as it reads them back from the file (DedupeKeys). */
    private static final String HELD = "SELECT dedupe_key AS key, seq FROM messages WHERE seq > COALESCE((SELECT "
            + "CAST(value AS INTEGER) FROM history_meta WHERE key = 'keys_moved_through'), 0) "
            + "AND dedupe_key IS NOT NULL AND seq NOT IN (SELECT seq FROM message_key_collisions)";

    /** Changes the file as something else might have left it, with the store closed. */
    private void whileClosed(String... statements) throws Exception {
        history.close();
        for (String statement : statements) {
            sql(statement);
        }
        history = HistoryStore.open(file);
    }

    /** A run newer than any the store makes in these tests. */
    private static final int LENT_RUN = 1_000;

    private static final String PAIRS_IN_RUNS = "SELECT COALESCE(SUM(length(pairs)) / 16, 0) FROM message_key_blocks";

    /** As if {@code clientId} in the chat hashed to the key the message {@code seq} holds: a run of that one pair. */
    private String lendKey(String clientId, long seq) {
        long key = DedupeKey.of(chat.key(), clientId);
        return "INSERT INTO message_key_blocks (run, first_key, pairs) VALUES (" + LENT_RUN + ", " + key + ", X'"
                + String.format("%016x%016x", key, seq) + "')";
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The seq the store gives the key, as it reads it after a restart. */
    private long keyOwner(long key) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return new DedupeKeys().owner(c, key).orElse(-1);
        }
    }

    /** Keys held and moved; a moved key is counted once for every run that has it. */
    private long keyCount() throws Exception {
        return count("SELECT COUNT(*) FROM (" + HELD + ")") + count(PAIRS_IN_RUNS);
    }
}
