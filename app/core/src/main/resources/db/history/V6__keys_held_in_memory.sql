-- V6: the keys claimed since the last move are no longer written to a table of their own: the
-- rows they were claimed for carry them (dedupe_key), and the app reads them back from the rows
-- stored after keys_moved_through (DedupeKeys, docs/decisions/0011). Writing each key to a
-- table too dirtied most of its pages at every commit.
INSERT OR IGNORE INTO message_keys (key, seq) SELECT key, seq FROM message_keys_recent;
DROP TABLE message_keys_recent;
DROP TRIGGER message_keys_delete;
CREATE TRIGGER message_keys_delete AFTER DELETE ON messages BEGIN
    DELETE FROM message_keys WHERE key = old.dedupe_key AND seq = old.seq;
    DELETE FROM message_key_collisions WHERE seq = old.seq;
END;
-- Every row stored so far has its key in message_keys.
INSERT OR REPLACE INTO history_meta (key, value) VALUES ('keys_moved_through', (SELECT MAX(
    COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'messages'), 0),
    COALESCE((SELECT MAX(seq) FROM messages), 0))));
