package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/** A damaged database is never silently recreated: it is kept aside whole and the recovery reported. */
class HistoryIntegrityTest {

    @TempDir
    Path dir;

    private final ConversationId chat = new ConversationId(new ContactAddress(new AccountId("a"), "b"));
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);

    @Test
    void aHealthyDatabaseOpensWithoutRecovery() throws Exception {
        Path file = dir.resolve("history.db");
        fill(file, 50);
        try (HistoryStore history = HistoryStore.open(file, clock)) {
            assertThat(history.recovery()).isEmpty();
            assertThat(history.recent(chat, 100).join()).hasSize(50);
        }
    }

    @Test
    void aDatabaseWithDamagedPagesIsKeptAsideAndANewOneStarted() throws Exception {
        Path file = dir.resolve("history.db");
        fill(file, 3_000);
        long size = Files.size(file);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            // Overwrite pages in the middle of the file (not the header): the file still opens,
            // but its b-trees are broken.
            raw.seek(size / 2 - (size / 2) % 4096);
            raw.write(new byte[8192]);
            raw.seek(size / 3 - (size / 3) % 4096 + 100);
            raw.write("garbage garbage garbage".repeat(50).getBytes());
        }
        byte[] damaged = Files.readAllBytes(file);

        try (HistoryStore history = HistoryStore.open(file, clock)) {
            HistoryRecovery recovery = history.recovery().orElseThrow();
            assertThat(recovery.keptAs()).isEqualTo(dir.resolve("history.db.corrupt-20250304T050607Z"));
            assertThat(recovery.problem()).isNotBlank();
            assertThat(Files.readAllBytes(recovery.keptAs())).isEqualTo(damaged);
            assertThat(history.recent(chat, 100).join()).isEmpty();
            assertThat(history.add(message(1)).join()).isPresent();
        }
        try (HistoryStore again = HistoryStore.open(file, clock)) {
            assertThat(again.recovery()).isEmpty();
            assertThat(again.recent(chat, 100).join()).hasSize(1);
        }
    }

    @Test
    void theWriteAheadLogIsKeptAsideWithItsDatabase() throws Exception {
        Path file = dir.resolve("history.db");
        Files.writeString(file, "not sqlite at all");
        Files.writeString(dir.resolve("history.db-wal"), "its log");

        try (HistoryStore history = HistoryStore.open(file, clock)) {
            Path keptAs = history.recovery().orElseThrow().keptAs();
            assertThat(Files.readString(keptAs.resolveSibling(keptAs.getFileName() + "-wal"))).isEqualTo("its log");
        }
    }

    @Test
    void aSecondRecoveryTheSameSecondDoesNotOverwriteTheFirst() throws Exception {
        Path file = dir.resolve("history.db");
        Files.writeString(file, "first broken file");
        HistoryStore.open(file, clock).close();
        Files.delete(file);
        Files.writeString(file, "second broken file");

        try (HistoryStore history = HistoryStore.open(file, clock)) {
            Path keptAs = history.recovery().orElseThrow().keptAs();
            assertThat(Files.readString(keptAs)).isEqualTo("second broken file");
            assertThat(Files.readString(dir.resolve("history.db.corrupt-20250304T050607Z")))
                    .isEqualTo("first broken file");
        }
    }

    private void fill(Path file, int count) {
        try (HistoryStore history = HistoryStore.open(file, clock)) {
            List<StoredMessage> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(message(i));
            }
            history.addAll(batch).join();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private StoredMessage message(int i) {
        return new StoredMessage(0, chat, MessageId.of("id-" + i + "-" + System.nanoTime()), Direction.INCOMING,
                "message number " + i + " with some text to fill pages 通訊 " + "x".repeat(i % 200),
                Instant.ofEpochMilli(1_000L * i), MessageStatus.DELIVERED, null);
    }
}
