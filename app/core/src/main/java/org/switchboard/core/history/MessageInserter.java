package org.switchboard.core.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;

/**
 * Stores messages that are not stored yet, in the writer's transaction: row and de-duplication
 * key together; the search index gets them once the transaction is committed ({@link SearchIndexFeed}). A message is already stored when its conversation has a message
 * with the same client id, or its account one with the same network id (docs/decisions/0010).
 *
 * <p>Each message gets its seq before it is written (the next free one, in the order given), so
 * the key table and the rows can each be written as one batch. A message found
 * to be a duplicate leaves its seq unused; seqs only need to grow.
 */
final class MessageInserter {

    private final DedupeKeys dedupeKeys = new DedupeKeys();
    private final ConversationIds conversationIds = new ConversationIds();
    /** In history_meta: the highest seq ever stored, kept as AUTOINCREMENT kept it before V8. */
    static final String LAST_SEQ = "last_seq";

    private final SearchIndexFeed searchFeed;
    /** Null until read; see {@link #collisionsExist}. */
    private Boolean collisions;

    MessageInserter(SearchIndexFeed searchFeed) {
        this.searchFeed = searchFeed;
    }

    /** Forgets what it keeps in memory of the file: a transaction was rolled back, whole or in part. */
    void rolledBack() {
        dedupeKeys.rolledBack();
        conversationIds.rolledBack();
    }

    /** The de-duplication keys; on the writer thread. */
    DedupeKeys keys() {
        return dedupeKeys;
    }

    /** See {@link DedupeKeys#buildFilter}; before the first insert. */
    CompletableFuture<Void> buildKeyFilter(Path file) {
        return dedupeKeys.buildFilter(file);
    }

    /** Stores the new ones among {@code messages}; returns them with their seq, in the order given. */
    List<StoredMessage> insert(Connection c, List<StoredMessage> messages) throws SQLException {
        String[] conversations = conversationKeys(messages);
        long[] keys = keysOf(messages, conversations);
        int[] order = KeyOrder.of(keys);
        List<StoredMessage> candidates = messages;
        if (hasRepeats(keys, order)) {
            candidates = distinct(messages);
            conversations = conversationKeys(candidates);
            keys = keysOf(candidates, conversations);
            order = KeyOrder.of(keys);
        }
        int n = candidates.size();
        long base = nextSeq(c);
        Batch batch = new Batch(base, keys, conversations, idsOf(c, candidates, conversations));
        boolean[] keyTaken = dedupeKeys.claim(c, keys, order, base);

        List<StoredMessage> fresh = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!keyTaken[i]) {
                if (collisionsExist(c) && storedAsCollision(c, candidates.get(i))) {
                    // Its key was free again (the message that held it is gone), but it was kept as a collision.
                    dedupeKeys.release(c, keys[i], base + i);
                } else {
                    fresh.add(candidates.get(i).withSeq(base + i));
                }
            }
        }
        List<StoredMessage> stored = new ArrayList<>(writeRows(c, fresh, batch));
        // Rare: the key was taken. Resolved after the batch's rows exist, so a key taken by a
        // message of this same batch is checked against that message's row.
        for (int i = 0; i < n; i++) {
            if (keyTaken[i] && isNewDespiteKey(c, candidates.get(i), keys[i], base + i)) {
                stored.addAll(writeRows(c, List.of(candidates.get(i).withSeq(base + i)), batch));
            }
        }
        stored.sort(Comparator.comparingLong(StoredMessage::seq));
        if (!stored.isEmpty()) {
            KeyValues.HISTORY.set(c, LAST_SEQ, stored.getLast().seq());
        }
        ConversationTimes.stored(c, stored, batch::conversation);
        searchFeed.added(stored);
        return stored;
    }

    /** A batch's seqs, keys, conversation keys and ids; a message's seq gives its place. */
    private record Batch(long base, long[] keys, String[] conversations, long[] conversationIds) {

        long key(StoredMessage m) {
            return keys[(int) (m.seq() - base)];
        }

        long conversationId(StoredMessage m) {
            return conversationIds[(int) (m.seq() - base)];
        }

        String conversation(StoredMessage m) {
            return conversations[(int) (m.seq() - base)];
        }
    }

    /** Each message's conversation key, made once per conversation: making it joins strings. */
    private static String[] conversationKeys(List<StoredMessage> messages) {
        Map<ConversationId, String> made = new HashMap<>();
        String[] keys = new String[messages.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = made.computeIfAbsent(messages.get(i).conversation(), ConversationId::key);
        }
        return keys;
    }

    private long[] idsOf(Connection c, List<StoredMessage> messages, String[] conversations) throws SQLException {
        long[] ids = new long[conversations.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = conversationIds.of(c, messages.get(i).conversation(), conversations[i]);
        }
        return ids;
    }

    private static long[] keysOf(List<StoredMessage> messages, String[] conversations) {
        long[] keys = new long[messages.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = DedupeKey.of(conversations[i], messages.get(i).id().clientId());
        }
        return keys;
    }

    /** Whether two keys are equal (a message given twice, or, rarely, two that collide); {@code order} sorts them. */
    private static boolean hasRepeats(long[] keys, int[] order) {
        for (int k = 1; k < order.length; k++) {
            if (keys[order[k]] == keys[order[k - 1]]) {
                return true;
            }
        }
        return false;
    }

    /** The messages without repeats of the same conversation and client id, first one kept. */
    private static List<StoredMessage> distinct(List<StoredMessage> messages) {
        Set<String> seen = new HashSet<>();
        List<StoredMessage> result = new ArrayList<>(messages.size());
        for (StoredMessage m : messages) {
            if (seen.add(m.conversation().key() + '\u0000' + m.id().clientId())) {
                result.add(m);
            }
        }
        return result;
    }

    /** The seq after every seq ever stored ({@link #LAST_SEQ}), so a deleted message's is not given again. */
    static long nextSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM message_rows")) {
            rs.next();
            return Math.max(rs.getLong(1), KeyValues.HISTORY.getNumber(c, LAST_SEQ, 0)) + 1;
        }
    }

    /**
     * Whether a message whose key was taken is new all the same: the key is free again, or its
     * message is gone (a stale key; either way the key moves to this message), or it belongs
     * to a different message (a collision; this message's identity is kept in the collision
     * table, unless it is already there).
     */
    private boolean isNewDespiteKey(Connection c, StoredMessage m, long key, long seq) throws SQLException {
        OptionalLong owner = dedupeKeys.owner(c, key);
        if (owner.isEmpty()) {
            // Given back by a row of this batch that turned out to be a duplicate.
            return !storedAsCollision(c, m) && dedupeKeys.claimOne(c, key, seq);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT conversation, client_id FROM messages WHERE seq = ?")) {
            s.setLong(1, owner.getAsLong());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    boolean same = rs.getString(1).equals(m.conversation().key())
                            && rs.getString(2).equals(m.id().clientId());
                    return !same && recordCollision(c, m, seq);
                }
            }
        }
        if (storedAsCollision(c, m)) {
            return false;
        }
        dedupeKeys.reassign(c, key, seq);
        return true;
    }

    /**
     * Whether any message is kept as a collision; until one is, the check below is skipped. Read
     * once, then kept on this (the writer's) thread.
     */
    private boolean collisionsExist(Connection c) throws SQLException {
        if (collisions == null) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM message_key_collisions)")) {
                rs.next();
                collisions = rs.getBoolean(1);
            }
        }
        return collisions;
    }

    private static boolean storedAsCollision(Connection c, StoredMessage m) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM message_key_collisions WHERE conversation = ? AND client_id = ?")) {
            s.setString(1, m.conversation().key());
            s.setString(2, m.id().clientId());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean recordCollision(Connection c, StoredMessage m, long seq) throws SQLException {
        collisions = true;
        try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO message_key_collisions "
                + "(conversation, client_id, seq) VALUES (?, ?, ?)")) {
            s.setString(1, m.conversation().key());
            s.setString(2, m.id().clientId());
            s.setLong(3, seq);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Writes the rows; a row refused because its account already has its network id is a
     * duplicate too, and gives back the key it claimed. Returns the rows written.
     */
    private List<StoredMessage> writeRows(Connection c, List<StoredMessage> rows, Batch batch)
            throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        int[] counts;
        try (PreparedStatement s = c.prepareStatement(MessageRows.INSERT)) {
            for (StoredMessage m : rows) {
                MessageRows.bindInsert(s, m, batch.conversationId(m), batch.key(m));
                s.addBatch();
            }
            // One native round trip for the batch: per-row executeUpdate costs more than the insert.
            counts = s.executeBatch();
        }
        List<StoredMessage> written = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            StoredMessage m = rows.get(i);
            if (counts[i] > 0) {
                written.add(m);
            } else {
                dedupeKeys.release(c, batch.key(m), m.seq());
                try (PreparedStatement x = c.prepareStatement("DELETE FROM message_key_collisions WHERE seq = ?")) {
                    x.setLong(1, m.seq());
                    x.executeUpdate();
                }
            }
        }
        return written;
    }
}
