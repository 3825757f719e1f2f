package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.store.SettingsStore;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

class HistoryRetentionTest {

    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2025-06-01T12:00:00Z");
    private final AccountId pruned = new AccountId("pruned");
    private final AccountId kept = new AccountId("kept");
    private HistoryStore store;
    private DefaultHistoryService history;

    @BeforeEach
    void open() throws Exception {
        store = HistoryStore.open(dir.resolve("history.db"));
        SettingsStore settings = SettingsStore.open(dir.resolve("settings.json"), Runnable::run);
        history = new DefaultHistoryService(store, settings, () -> List.of(pruned, kept),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        history.close();
        store.close();
    }

    private void add(AccountId account, String id, int daysAgo, MessageStatus status) {
        ConversationId c = new ConversationId(new ContactAddress(account, "peer"));
        store.add(new StoredMessage(0, c, MessageId.of(id), Direction.OUTGOING, "retention text " + id,
                now.minus(Duration.ofDays(daysAgo)), status, null)).join();
    }

    @Test
    void historyIsKeptForeverUnlessTheUserChoosesOtherwise() {
        add(pruned, "ancient", 5_000, MessageStatus.SENT);

        assertThat(history.retention(pruned)).isEqualTo(Retention.FOREVER);
        assertThat(history.applyRetention().join()).isZero();
        assertThat(store.search(SearchQuery.of("ancient")).join()).hasSize(1);
    }

    @Test
    void deletesOnlyTheChosenAccountsMessagesOlderThanItsDaysAndNeverTheOutbox() {
        for (int i = 0; i < 5_000; i++) {
            add(pruned, "old" + i, 40, MessageStatus.SENT);
        }
        add(pruned, "recent", 10, MessageStatus.SENT);
        add(pruned, "unsent", 40, MessageStatus.QUEUED);
        add(kept, "keptold", 400, MessageStatus.SENT);

        history.setRetention(pruned, new Retention(30));
        int deleted = history.applyRetention().join();

        assertThat(history.retention(pruned)).isEqualTo(new Retention(30));
        assertThat(store.search(SearchQuery.of("old0")).join()).isEmpty();
        assertThat(store.search(SearchQuery.of("recent")).join()).hasSize(1);
        assertThat(store.search(SearchQuery.of("unsent")).join()).hasSize(1);
        assertThat(store.search(SearchQuery.of("keptold")).join()).hasSize(1);
        assertThat(store.search(SearchQuery.of("retention text").limit(10_000)).join()).hasSize(3);
        // setRetention applies once by itself too; together they removed all 5,000.
        assertThat(deleted).isBetween(0, 5_000);
    }

    @Test
    void oldMessagesThatCameAfterAPassAndOnesThatLeftTheOutboxGoInTheNext() throws Exception {
        // A service of its own, with the setting written directly: setRetention would start a pass of its own.
        SettingsStore settings = SettingsStore.open(dir.resolve("retention-settings.json"), Runnable::run);
        settings.set("history.retention." + pruned.value(), "30");
        try (DefaultHistoryService service = new DefaultHistoryService(store, settings, () -> List.of(pruned),
                Clock.fixed(now, ZoneOffset.UTC))) {
            add(pruned, "first", 40, MessageStatus.SENT);
            add(pruned, "waiting", 40, MessageStatus.QUEUED);
            assertThat(service.applyRetention().join()).isEqualTo(1);
            assertThat(service.applyRetention().join()).as("nothing older left but the outbox").isZero();

            store.updateStatus(new ConversationId(new ContactAddress(pruned, "peer")), MessageId.of("waiting"),
                    MessageStatus.SENT, null).join();
            assertThat(service.applyRetention().join()).as("sent, so no longer kept").isEqualTo(1);

            // An archive fetched later brings a message older than the cutoff.
            add(pruned, "fetched", 50, MessageStatus.SENT);
            assertThat(service.applyRetention().join()).isEqualTo(1);
            assertThat(store.search(SearchQuery.of("retention text")).join()).isEmpty();
        }
    }

    @Test
    void anUnreadableSettingKeepsEverything() {
        assertThat(Retention.parse("thirty")).isEqualTo(Retention.FOREVER);
        assertThat(Retention.parse("-3")).isEqualTo(Retention.FOREVER);
        assertThat(Retention.parse(" 7 ")).isEqualTo(new Retention(7));
    }
}
