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

    private record Doomed(long seq, String body, String conversation, String clientId, boolean keyed) {
    }

    private RetentionDeletes() {
    }

    /**
     * Deletes up to {@code chunk} of the account's messages older than {@code cutoff}, never one
     * still waiting in the outbox; returns how many went.
     */
    static int deleteOlderThan(Connection c, AccountId account, Instant cutoff, int chunk) throws SQLException {
        List<Doomed> doomed = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, body, conversation, client_id, dedupe_key "
                + "FROM messages WHERE account = ? AND timestamp_ms < ? AND status <> 'QUEUED' LIMIT ?")) {
            s.setString(1, account.value());
            s.setLong(2, cutoff.toEpochMilli());
            s.setInt(3, chunk);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(5);
                    boolean keyed = !rs.wasNull();
                    doomed.add(new Doomed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), keyed));
                }
            }
        }
        DedupeKeys keys = new DedupeKeys();
        try (PreparedStatement s = c.prepareStatement("DELETE FROM messages WHERE seq = ?")) {
            for (Doomed row : doomed) {
                // The index needs the text a row was indexed with to take it out.
                SearchIndex.remove(c, row.seq(), row.body());
                if (!row.keyed()) {
                    // Stored before V4: the delete trigger cannot find its key, so it goes here.
                    keys.release(c, DedupeKey.of(row.conversation(), row.clientId()), row.seq());
                }
                s.setLong(1, row.seq());
                s.executeUpdate();
            }
        }
        return doomed.size();
    }
}
