package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.switchboard.protocol.model.AccountId;

/**
 * Where an account's one-to-one history stands against the server's archive: the newest network
 * (archive) id it holds and the time of its newest message. Asking the archive for what came
 * after this point fetches exactly what was missed.
 *
 * @param newestNetworkId the network id of the most recently stored message that has one, or null
 * @param newestTime      the newest timestamp of a stored message, or null when there is none
 */
public record ArchiveMark(String newestNetworkId, Instant newestTime) {

    public Optional<String> networkId() {
        return Optional.ofNullable(newestNetworkId);
    }

    public Optional<Instant> time() {
        return Optional.ofNullable(newestTime);
    }

    static ArchiveMark read(Connection c, AccountId account) throws SQLException {
        String networkId = null;
        // Stored order (seq), not timestamps: archive pages arrive oldest first and are stored so.
        // Each conversation's newest row with a network id, found walking back its (conversation, seq)
        // index, then the newest of those: no pass over every archived message of the account.
        try (PreparedStatement s = c.prepareStatement("SELECT m.network_id FROM conversations c JOIN message_rows m "
                + "ON m.seq = (SELECT seq FROM message_rows WHERE conversation_id = c.id AND network_id IS NOT NULL "
                + "ORDER BY seq DESC LIMIT 1) WHERE c.account = ? AND c.room = 0 ORDER BY m.seq DESC LIMIT 1")) {
            s.setString(1, account.value());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    networkId = rs.getString(1);
                }
            }
        }
        Instant newest = ConversationTimes.newestDirect(c, account);
        return new ArchiveMark(networkId, newest);
    }

    /** Where one room's history stands: its newest archive id (stored order) and newest time. */
    static ArchiveMark readRoom(Connection c, String conversationKey) throws SQLException {
        String networkId = null;
        try (PreparedStatement s = c.prepareStatement("SELECT network_id FROM messages WHERE conversation = ? "
                + "AND network_id IS NOT NULL ORDER BY seq DESC LIMIT 1")) {
            s.setString(1, conversationKey);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    networkId = rs.getString(1);
                }
            }
        }
        Instant newest = ConversationTimes.newest(c, conversationKey);
        return new ArchiveMark(networkId, newest);
    }
}
