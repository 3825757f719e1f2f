package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/** The filter that lets most de-duplication keys be claimed without a lookup never calls a stored key absent. */
class KeyFilterTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyAddedIsFoundAndFewOthersAre() {
        KeyFilter filter = new KeyFilter(100_000);
        SplittableRandom random = new SplittableRandom(7);
        long[] added = random.longs(100_000).toArray();
        for (long key : added) {
            filter.add(key);
        }
        for (long key : added) {
            assertThat(filter.mightContain(key)).isTrue();
        }
        long falsePositives = random.longs(100_000).filter(filter::mightContain).count();
        assertThat(falsePositives).as("false positives of 100,000").isLessThan(2_000);
    }

    @Test
    void keysMovedWhileTheFilterWasBuiltAreStillFoundOnceItIsInUse() throws Exception {
        Path file = dir.resolve("history.db");
        HistoryStore.open(file).close();
        try (Connection c = HistoryConnections.reader(file)) {
            c.setAutoCommit(false);
            DedupeKeys keys = new DedupeKeys();
            long[] held = new SplittableRandom(3).longs(DedupeKeys.MOVE_AT).toArray();
            keys.claim(c, held, KeyOrder.of(held), 1);
            // The next claim moves them to the large table, before the filter can have read them.
            assertThat(keys.claimOne(c, 42L, 1 + DedupeKeys.MOVE_AT)).isTrue();
            keys.buildFilter(file).join();
            c.commit();

            assertThat(keys.claimOne(c, held[0], 2 + DedupeKeys.MOVE_AT)).as("moved, so taken").isFalse();
            assertThat(keys.claimOne(c, held[held.length - 1], 3 + DedupeKeys.MOVE_AT)).isFalse();
            assertThat(keys.claimOne(c, 43L, 4 + DedupeKeys.MOVE_AT)).isTrue();
        }
    }

    @Test
    void keysHeldInMemoryAreReadBackFromTheRowsAfterARestartAndAfterARollback() throws Exception {
        Path file = dir.resolve("history.db");
        ConversationId chat = new ConversationId(new ContactAddress(new AccountId("acc"), "bob"));
        List<StoredMessage> messages = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            messages.add(new StoredMessage(0, chat, MessageId.of("m" + i), Direction.INCOMING, "message " + i,
                    java.time.Instant.ofEpochMilli(i), MessageStatus.DELIVERED, null));
        }
        try (HistoryStore history = HistoryStore.open(file)) {
            history.addAll(messages).join();
        }
        try (Connection c = HistoryConnections.reader(file)) {
            c.setAutoCommit(false);
            DedupeKeys keys = new DedupeKeys();
            long key = DedupeKey.of(chat.key(), "m5");
            assertThat(keys.claimOne(c, key, 5_000)).as("read back from the rows").isFalse();
            assertThat(keys.claimOne(c, 7L, 5_001)).isTrue();
            c.rollback();
            keys.rolledBack();
            assertThat(keys.owner(c, 7L)).as("a claim rolled back is forgotten").isEmpty();
            assertThat(keys.owner(c, key)).isPresent();
        }
    }

    @Test
    void messagesStoredBeforeAreNotStoredAgainOnceTheFilterIsInUse() throws Exception {
        Path file = dir.resolve("history.db");
        ConversationId chat = new ConversationId(new ContactAddress(new AccountId("acc"), "bob"));
        List<StoredMessage> messages = new ArrayList<>();
        for (int i = 0; i < DedupeKeys.MOVE_AT + 5_000; i++) {
            messages.add(new StoredMessage(0, chat, MessageId.of("m" + i), Direction.INCOMING, "message " + i,
                    java.time.Instant.ofEpochMilli(i), MessageStatus.DELIVERED, null));
        }
        try (HistoryStore history = HistoryStore.open(file)) {
            assertThat(history.addAll(messages).join()).isEqualTo(messages.size());
        }
        try (HistoryStore history = HistoryStore.open(file)) {
            assertThat(history.startupWork()).succeedsWithin(java.time.Duration.ofSeconds(30));
            List<StoredMessage> again = new ArrayList<>(messages.subList(0, 1_000));
            again.add(new StoredMessage(0, chat, MessageId.of("new"), Direction.INCOMING, "new",
                    java.time.Instant.ofEpochMilli(1), MessageStatus.DELIVERED, null));
            assertThat(history.addAll(again).join()).as("only the new one").isEqualTo(1);
            assertThat(history.addAll(messages.subList(60_000, 70_000)).join()).isZero();
        }
    }
}
