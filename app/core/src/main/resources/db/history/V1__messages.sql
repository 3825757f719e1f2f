-- One row per message, in the order history stored them (seq).
CREATE TABLE messages (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation TEXT    NOT NULL,
    account      TEXT    NOT NULL,
    peer         TEXT    NOT NULL,
    client_id    TEXT    NOT NULL,
    network_id   TEXT,
    direction    TEXT    NOT NULL CHECK (direction IN ('INCOMING', 'OUTGOING')),
    body         TEXT    NOT NULL,
    timestamp_ms INTEGER NOT NULL,
    status       TEXT    NOT NULL,
    failure      TEXT
);

-- A message seen twice (live, then again from an archive or a resend) is stored once.
CREATE UNIQUE INDEX messages_client_id ON messages (conversation, client_id);
CREATE UNIQUE INDEX messages_network_id ON messages (account, network_id) WHERE network_id IS NOT NULL;

CREATE INDEX messages_conversation_seq ON messages (conversation, seq);

-- The outbox is read on every connect; keep that read off a full scan.
CREATE INDEX messages_queued ON messages (account, seq) WHERE status = 'QUEUED';
