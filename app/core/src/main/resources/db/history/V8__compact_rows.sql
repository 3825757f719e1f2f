-- V8: smaller rows, cheaper to store (docs/decisions/0012). A row names its conversation by a
-- small integer (conversations) instead of carrying the conversation key, account and peer as
-- text, and the (conversation, seq) index holds that integer; seq is no longer AUTOINCREMENT,
-- whose bookkeeping row was written again for every message (the app keeps the highest seq ever
-- used in history_meta instead, so a deleted message's seq is still never given again).
-- The view messages shows rows as before, for reading; its triggers forward a delete or an
-- update made through it.
CREATE TABLE conversations (
    id      INTEGER PRIMARY KEY,
    key     TEXT    NOT NULL UNIQUE,
    account TEXT    NOT NULL,
    peer    TEXT    NOT NULL,
    room    INTEGER NOT NULL CHECK (room IN (0, 1))
);
INSERT INTO conversations (key, account, peer, room)
    SELECT conversation, account, peer, room FROM messages GROUP BY conversation ORDER BY MIN(seq);

CREATE TABLE message_rows (
    seq             INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL,
    client_id       TEXT    NOT NULL,
    network_id      TEXT,
    direction       TEXT    NOT NULL CHECK (direction IN ('INCOMING', 'OUTGOING')),
    body            TEXT    NOT NULL,
    timestamp_ms    INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    failure         TEXT,
    sender          TEXT,
    kind            TEXT    NOT NULL DEFAULT 'CHAT' CHECK (kind IN ('CHAT', 'NOTICE')),
    edited          INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    dedupe_key      INTEGER
);
INSERT INTO message_rows (seq, conversation_id, client_id, network_id, direction, body, timestamp_ms, status,
                          failure, sender, kind, edited, dedupe_key)
    SELECT m.seq, c.id, m.client_id, m.network_id, m.direction, m.body, m.timestamp_ms, m.status, m.failure,
           m.sender, m.kind, m.edited, m.dedupe_key
    FROM messages m JOIN conversations c ON c.key = m.conversation ORDER BY m.seq;
INSERT OR REPLACE INTO history_meta (key, value) VALUES ('last_seq', (SELECT MAX(
    COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'messages'), 0),
    COALESCE((SELECT MAX(seq) FROM messages), 0))));
DROP TABLE messages;

-- A network id is the server's name for a message in one archive: unique within a conversation
-- (before V8 within an account, which let one conversation's id hide another's message).
CREATE UNIQUE INDEX message_rows_network_id ON message_rows (conversation_id, network_id) WHERE network_id IS NOT NULL;
CREATE INDEX message_rows_conversation_seq ON message_rows (conversation_id, seq);
-- The outbox is read on every connect; keep that read off a full scan.
CREATE INDEX message_rows_queued ON message_rows (seq) WHERE status = 'QUEUED';

CREATE TRIGGER message_key_collisions_delete AFTER DELETE ON message_rows BEGIN
    DELETE FROM message_key_collisions WHERE seq = old.seq;
END;

CREATE VIEW messages AS
    SELECT m.seq AS seq, c.key AS conversation, c.account AS account, c.peer AS peer, c.room AS room,
           m.client_id AS client_id, m.network_id AS network_id, m.direction AS direction, m.body AS body,
           m.timestamp_ms AS timestamp_ms, m.status AS status, m.failure AS failure, m.sender AS sender,
           m.kind AS kind, m.edited AS edited, m.dedupe_key AS dedupe_key, m.conversation_id AS conversation_id
    FROM message_rows m JOIN conversations c ON c.id = m.conversation_id;
CREATE TRIGGER messages_delete INSTEAD OF DELETE ON messages BEGIN
    DELETE FROM message_rows WHERE seq = old.seq;
END;
CREATE TRIGGER messages_update INSTEAD OF UPDATE ON messages BEGIN
    UPDATE message_rows SET network_id = new.network_id, body = new.body, status = new.status,
        failure = new.failure, edited = new.edited WHERE seq = old.seq;
END;
