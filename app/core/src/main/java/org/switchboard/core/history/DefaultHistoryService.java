package org.switchboard.core.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.settings.Settings;
import org.switchboard.protocol.model.AccountId;

/** {@link HistoryService} over the {@link HistoryStore}; retention runs at start and then daily. */
public final class DefaultHistoryService implements HistoryService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultHistoryService.class);
    private static final String RETENTION_KEY = "history.retention.";
    private static final int DELETE_CHUNK = 2_000;

    private final HistoryStore store;
    private final Settings settings;
    private final Supplier<List<AccountId>> accounts;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("switchboard-history-retention").daemon(true).factory());

    public DefaultHistoryService(HistoryStore store, Settings settings, Supplier<List<AccountId>> accounts,
                                 Clock clock) {
        this.store = store;
        this.settings = settings;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Applies retention now and every day after. */
    public void startRetention() {
        timer.scheduleWithFixedDelay(() -> applyRetention().exceptionally(failure -> {
            LOG.warn("applying history retention failed", failure);
            return 0;
        }), 0, 1, TimeUnit.DAYS);
    }

    @Override
    public CompletableFuture<List<SearchHit>> search(SearchQuery query) {
        return store.search(query);
    }

    @Override
    public CompletableFuture<List<StoredMessage>> around(ConversationId conversation, long seq, int before, int after) {
        return store.around(conversation, seq, before, after);
    }

    @Override
    public ExportJob export(ExportRequest request, ExportJob.Listener listener) {
        return store.export(request, listener);
    }

    @Override
    public Retention retention(AccountId account) {
        return Retention.parse(settings.get(RETENTION_KEY + account.value()).orElse(null));
    }

    @Override
    public void setRetention(AccountId account, Retention retention) {
        settings.set(RETENTION_KEY + account.value(), retention.value());
        timer.execute(() -> applyRetention());
    }

    @Override
    public CompletableFuture<Integer> applyRetention() {
        CompletableFuture<Integer> total = CompletableFuture.completedFuture(0);
        Instant now = clock.instant();
        for (AccountId account : accounts.get()) {
            Retention retention = retention(account);
            if (!retention.forever()) {
                Instant cutoff = now.minus(Duration.ofDays(retention.days()));
                total = total.thenCompose(sum -> deleteAll(account, cutoff, sum));
            }
        }
        return total;
    }

    /** Chunk after chunk until nothing is left, so live writes get the writer between chunks. */
    private CompletableFuture<Integer> deleteAll(AccountId account, Instant cutoff, int sum) {
        return store.deleteOlderThan(account, cutoff, DELETE_CHUNK).thenCompose(n -> n < DELETE_CHUNK
                ? CompletableFuture.completedFuture(sum + n)
                : deleteAll(account, cutoff, sum + n));
    }

    @Override
    public Optional<HistoryRecovery> recovery() {
        return store.recovery();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
