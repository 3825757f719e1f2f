package org.switchboard.core.history;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;

/** Searching, browsing, exporting and pruning the message history. Nothing here blocks the caller. */
public interface HistoryService {

    /**
     * Full-text search over every conversation (or those the query names), newest first. Text
     * is matched as typed: words case- and diacritic-insensitively (the last one as a prefix),
     * Chinese, Japanese and Korean by substring of any length. Text without any word finds
     * nothing; no input raises a syntax error.
     */
    CompletableFuture<List<SearchHit>> search(SearchQuery query);

    /** The message {@code seq} with up to {@code before} older and {@code after} newer ones, oldest first. */
    CompletableFuture<List<StoredMessage>> around(ConversationId conversation, long seq, int before, int after);

    /** Starts an export on its own thread; see {@link ExportJob}. */
    ExportJob export(ExportRequest request, ExportJob.Listener listener);

    Retention retention(AccountId account);

    /** Saves the account's retention and applies it at once (then at start and daily). */
    void setRetention(AccountId account, Retention retention);

    /** Deletes what every account's retention no longer keeps; completes with how many messages went. */
    CompletableFuture<Integer> applyRetention();

    /** Set when the database failed its check at start and was replaced by a new one. */
    Optional<HistoryRecovery> recovery();
}
