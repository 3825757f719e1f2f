-- V7: the de-duplication keys moved out of memory are kept as sorted runs of blocks (KeyRuns,
-- docs/decisions/0012): inserting each key into the large message_keys table cost more than
-- storing its message. The app moves message_keys into the first run, then drops it
-- (KeyRuns.convert).
CREATE TABLE message_key_blocks (
    id        INTEGER PRIMARY KEY,
    run       INTEGER NOT NULL,
    first_key INTEGER NOT NULL,
    -- PAIRS_PER_BLOCK (key, seq) pairs, sorted by key, each two big-endian 64-bit integers.
    pairs     BLOB    NOT NULL
);
CREATE INDEX message_key_blocks_run ON message_key_blocks (run, first_key);
-- Messages the app deleted whose keys may be in a run; their pairs are dropped at the next merge.
CREATE TABLE message_key_releases (
    key INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;
DROP TRIGGER message_keys_delete;
CREATE TRIGGER message_key_collisions_delete AFTER DELETE ON messages BEGIN
    DELETE FROM message_key_collisions WHERE seq = old.seq;
END;
