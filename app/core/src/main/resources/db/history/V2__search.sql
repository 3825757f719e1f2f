-- Full-text index of message bodies (docs/decisions/0006). Contentless: the text lives once,
-- in messages; contentless_delete lets retention and removals take rows out of the index.
-- unicode61 folds case and diacritics. The app writes each row's index text itself (every
-- CJK character a token of its own, so a CJK query of any length is a phrase of single
-- characters and matches as a substring): SearchIndex, in the transaction that stores the
-- message, and after this script for the rows already there.
CREATE VIRTUAL TABLE messages_fts USING fts5(
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    DELETE FROM messages_fts WHERE rowid = old.seq;
END;

-- Retention deletes an account's messages older than a date.
CREATE INDEX messages_account_time ON messages (account, timestamp_ms);
