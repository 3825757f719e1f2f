package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.switchboard.core.conversation.StoredMessage;

/**
 * What the history's writer tells the search index, collected per transaction and handed to
 * {@link SearchIndexer} only once that transaction is committed, in the order it was written
 * (docs/decisions/0011). Used on the writer thread only.
 *
 * <p>A new message needs nothing more: the index catches up from {@code indexed_seq} after a
 * crash. A change to an indexed row (a correction, a deletion) also counts itself in the
 * history ({@code history_meta.search_changes}, in the same transaction): an index that has not
 * applied every counted change cannot be brought up to date row by row and is rebuilt at open.
 */
final class SearchIndexFeed {

    /** One step for the index: a new row ({@code oldBody} null), a correction, or a deletion ({@code newBody} null). */
    record Job(long seq, String oldBody, String newBody, long change) {

        boolean isNewRow() {
            return oldBody == null;
        }
    }

    static final String CHANGES_KEY = "search_changes";
    static final String HISTORY_ID_KEY = "history_id";

    private final Consumer<List<Job>> committed;
    private final List<Job> pending = new ArrayList<>();
    private long changes;

    /** {@code committed} gets each committed transaction's jobs, on the writer thread. */
    SearchIndexFeed(Connection history, Consumer<List<Job>> committed) throws SQLException {
        this.committed = committed;
        this.changes = changes(history);
    }

    void added(List<StoredMessage> stored) {
        for (StoredMessage m : stored) {
            pending.add(new Job(m.seq(), null, m.body(), 0));
        }
    }

    /** A stored row's body changed ({@code newBody} null: the row was deleted); counted in the history. */
    void changed(Connection history, long seq, String oldBody, String newBody) throws SQLException {
        changes++;
        KeyValues.HISTORY.set(history, CHANGES_KEY, changes);
        pending.add(new Job(seq, oldBody, newBody, changes));
    }

    /** Where a write starts; {@link #undoTo} forgets what it added when it is rolled back. */
    int mark() {
        return pending.size();
    }

    void undoTo(int mark) {
        pending.subList(mark, pending.size()).clear();
    }

    /** The transaction was rolled back. The change counter keeps growing: it only has to grow. */
    void discard() {
        pending.clear();
    }

    /** The transaction was committed: its jobs go to the index. */
    void publish() {
        if (!pending.isEmpty()) {
            List<Job> jobs = List.copyOf(pending);
            pending.clear();
            committed.accept(jobs);
        }
    }

    /** The count of changes made to indexed rows, as the history records it. */
    static long changes(Connection history) throws SQLException {
        return KeyValues.HISTORY.getNumber(history, CHANGES_KEY, 0);
    }

    /**
     * The history's identity, made when first asked: an index file is only used with the
     * history it was built from (one left beside a new history, after a damaged one was set
     * aside, is rebuilt).
     */
    static String historyId(Connection history) throws SQLException {
        String id = KeyValues.HISTORY.get(history, HISTORY_ID_KEY);
        if (id == null) {
            id = UUID.randomUUID().toString();
            KeyValues.HISTORY.set(history, HISTORY_ID_KEY, id);
        }
        return id;
    }
}
