-- Rooms (V3). A conversation is one-to-one (room = 0, peer is the contact's handle) or a room
-- (room = 1, peer is the room's name); room keys in the conversation column carry their own
-- prefix, so the unique index on (conversation, client_id) keeps de-duplicating room messages.
ALTER TABLE messages ADD COLUMN room INTEGER NOT NULL DEFAULT 0 CHECK (room IN (0, 1));
-- The nick that wrote a room message; NULL in one-to-one conversations.
ALTER TABLE messages ADD COLUMN sender TEXT;
ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'CHAT' CHECK (kind IN ('CHAT', 'NOTICE'));
-- 1 once a correction replaced the body.
ALTER TABLE messages ADD COLUMN edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1));

-- A corrected body leaves the full-text index with its old text; the app writes the new index
-- text in the same transaction (SearchIndex), as it does for an insert.
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
    DELETE FROM messages_fts WHERE rowid = old.seq;
END;
