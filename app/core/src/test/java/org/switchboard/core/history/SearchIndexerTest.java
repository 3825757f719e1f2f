package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the index thread commits (docs/decisions/0013). It holds new rows back to write them as
 * one large segment; here it would hold them for an hour, so each test shows what makes it
 * commit sooner: a search waiting, a change to an indexed row, closing.
 */
class SearchIndexerTest {

    @TempDir
    Path dir;

    private Connection history;
    private Path indexFile;
    private SearchIndexer indexer;

    @BeforeEach
    void open() throws Exception {
        Path file = dir.resolve("history.db");
        HistoryStore.open(file).close();
        indexFile = SearchIndexCatchUp.fileFor(file);
        history = HistoryConnections.reader(file);
        indexer = new SearchIndexer(SearchIndexCatchUp.open(indexFile, history), () -> { }, Duration.ofHours(1));
    }

    @AfterEach
    void close() throws Exception {
        indexer.close();
        history.close();
    }

    @Test
    void aSearchWaitingHasHeldBackRowsCommitted() throws Exception {
        indexer.accept(List.of(row(1, "first words"), row(2, "second words")));

        indexer.caughtUp().get(10, TimeUnit.SECONDS);

        assertThat(committed("indexed_seq")).isEqualTo("2");
    }

    @Test
    void aChangeToAnIndexedRowIsCommittedWithoutWaiting() throws Exception {
        indexer.accept(List.of(row(1, "first words")));
        indexer.accept(List.of(new SearchIndexFeed.Job(1, "first words", "corrected words", 1)));

        // An index that missed a change cannot catch up row by row: it would be rebuilt whole at open.
        await().atMost(Duration.ofSeconds(10)).until(() -> committed("applied_changes"), "1"::equals);
        assertThat(committed("indexed_seq")).isEqualTo("1");
    }

    @Test
    void closingCommitsWhatIsHeldBack() throws Exception {
        indexer.accept(List.of(row(1, "first words"), row(2, "second words"), row(3, "third words")));

        indexer.close();

        assertThat(committed("indexed_seq")).isEqualTo("3");
    }

    private static SearchIndexFeed.Job row(long seq, String body) {
        return new SearchIndexFeed.Job(seq, null, body, 0);
    }

    /** A value of the index's state as committed in its file, as another connection sees it. */
    private String committed(String key) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + indexFile)) {
            return KeyValues.SEARCH_INDEX.get(c, key);
        }
    }
}
