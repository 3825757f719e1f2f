package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.protocol.model.AccountId;

/** Deleting old messages for an account's retention, each with its index entry and key; on the writer thread. */
final class RetentionDeletes {

    private record Doomed(long seq, String body, String conversation, String clientId) {
    }

    private RetentionDeletes() {
    }

    /**
     * Deletes up to {@code chunk} of the account's messages older than {@code cutoff}, never one
     * still waiting in the outbox; returns how many went.
     */
    static int deleteOlderThan(Connection c, SearchIndexFeed searchFeed, DedupeKeys keys, AccountId account,
                               Instant cutoff, int chunk) throws SQLException {
        List<Doomed> doomed = new ArrayList<>();
        // Only the conversations with something older than the cutoff are read, each through its
        // (conversation, seq) index: there is no index on time (docs/decisions/0011).
        try (PreparedStatement s = c.prepareStatement("SELECT seq, body, conversation, client_id "
                + "FROM messages WHERE conversation IN (SELECT conversation FROM conversation_times "
                + "WHERE account = ?1 AND oldest_ms < ?2) AND timestamp_ms < ?2 AND status <> 'QUEUED' LIMIT ?3")) {
            s.setString(1, account.value());
            s.setLong(2, cutoff.toEpochMilli());
            s.setInt(3, chunk);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    doomed.add(new Doomed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM message_rows WHERE seq = ?")) {
            for (Doomed row : doomed) {
                // Also for rows stored before V4, whose key the delete trigger cannot find (no dedupe_key),
                // and for keys held in memory, which no trigger reaches.
                keys.release(c, DedupeKey.of(row.conversation(), row.clientId()), row.seq());
                s.setLong(1, row.seq());
                s.executeUpdate();
                // The index needs the text a row was indexed with to take it out.
                searchFeed.changed(c, row.seq(), row.body(), null);
            }
        }
        if (doomed.size() < chunk) {
            ConversationTimes.retainedFrom(c, account, cutoff);
        }
        return doomed.size();
    }
}
