-- V4: cheaper writes at a million messages (docs/decisions/0010).
--
-- De-duplication no longer uses a unique index on (conversation, client_id): random client ids
-- made every insert dirty a different page of that large index. Each message instead carries a
-- 64-bit key of (conversation, client_id) (DedupeKey), mapped to its seq in integer-keyed
-- tables: new keys go to the small message_keys_recent, whose pages stay few, and move to
-- message_keys in key order, many at a time, so each page of the large table is written once
-- per move rather than once per transaction. The app checks both before it stores a message
-- (MessageInserter); a different message whose key is taken (a collision, or an id made to
-- collide) is still stored and keeps its exact identity in message_key_collisions.
-- Rows stored before V4 keep dedupe_key NULL (ExistingRowKeys claims their keys).
ALTER TABLE messages ADD COLUMN dedupe_key INTEGER;
CREATE TABLE message_keys (
    key INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL
);
CREATE TABLE message_keys_recent (
    key INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL
);
CREATE TABLE message_key_collisions (
    conversation TEXT    NOT NULL,
    client_id    TEXT    NOT NULL,
    seq          INTEGER NOT NULL,
    PRIMARY KEY (conversation, client_id)
);
DROP INDEX messages_client_id;

CREATE TRIGGER message_keys_delete AFTER DELETE ON messages BEGIN
    DELETE FROM message_keys WHERE key = old.dedupe_key AND seq = old.seq;
    DELETE FROM message_keys_recent WHERE key = old.dedupe_key AND seq = old.seq;
    DELETE FROM message_key_collisions WHERE seq = old.seq;
END;

-- The full-text index is rebuilt: the app now folds case and diacritics itself (IndexText), so
-- FTS5's plain ascii tokenizer only splits on spaces; without contentless_delete the index keeps
-- no per-row record, and the app takes a row out with its old index text (SearchIndex).
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE messages_fts USING fts5(
    body,
    content = '',
    columnsize = 0,
    tokenize = 'ascii'
);

-- What the full-text index was built with (SearchIndex.FINGERPRINT): the tokens IndexText makes
-- follow the Unicode tables of the Java runtime, and a row can only be taken out of the index with
-- the tokens it went in with, so a different runtime rebuilds the index at open.
CREATE TABLE history_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
