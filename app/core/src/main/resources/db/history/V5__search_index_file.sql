-- V5: the full-text index moves to a file of its own beside the history (docs/decisions/0011),
-- written by a thread of its own after each commit. SearchIndexCatchUp builds it there at open.
DROP TABLE messages_fts;
-- Which index state the new file records instead (SearchIndex).
DELETE FROM history_meta WHERE key = 'search_index';

-- Where each conversation stands in time, kept by the writer as it stores a batch
-- (ConversationTimes), one row per conversation: the (account, timestamp_ms) index it replaces
-- cost every insert more than the rest of the row's indexes (docs/decisions/0011). newest_ms
-- is the newest time ever stored (an archive catch-up starts there); oldest_ms is at most the
-- time of its oldest message not waiting to be sent (retention starts there).
CREATE TABLE conversation_times (
    conversation TEXT    PRIMARY KEY,
    account      TEXT    NOT NULL,
    room         INTEGER NOT NULL,
    oldest_ms    INTEGER NOT NULL,
    newest_ms    INTEGER NOT NULL
);
INSERT INTO conversation_times (conversation, account, room, oldest_ms, newest_ms)
    SELECT conversation, account, room, MIN(timestamp_ms), MAX(timestamp_ms) FROM messages GROUP BY conversation;
CREATE INDEX conversation_times_account ON conversation_times (account, room);
DROP INDEX messages_account_time;
