package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.nativeproto.codec.FrameReader;

/** Contact lists, subscription states and pending subscription requests. */
final class ContactStore {

    record Request(String requester, String text) {
    }

    private final Database database;

    ContactStore(Database database) {
        this.database = database;
    }

    List<ContactRow> listOf(String owner) throws SQLException {
        return database.transact(c -> query(c, "SELECT * FROM contacts WHERE owner = ? ORDER BY peer", owner));
    }

    /** The users who see {@code user}'s presence. */
    List<String> subscribersOf(String user) throws SQLException {
        return database.transact(c -> query(c, "SELECT * FROM contacts WHERE peer = ? AND sub_to = 1", user))
                .stream().map(ContactRow::owner).toList();
    }

    Optional<ContactRow> find(Connection c, String owner, String peer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM contacts WHERE owner = ? AND peer = ?")) {
            s.setString(1, owner);
            s.setString(2, peer);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    ContactRow findOrEmpty(Connection c, String owner, String peer) throws SQLException {
        return find(c, owner, peer).orElseGet(() -> ContactRow.empty(owner, peer));
    }

    void save(Connection c, ContactRow row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO contacts(owner, peer, display_name, groups_json, sub_to, sub_from, pending_out) "
                        + "VALUES (?,?,?,?,?,?,?) ON CONFLICT(owner, peer) DO UPDATE SET "
                        + "display_name = excluded.display_name, groups_json = excluded.groups_json, "
                        + "sub_to = excluded.sub_to, sub_from = excluded.sub_from, pending_out = excluded.pending_out")) {
            s.setString(1, row.owner());
            s.setString(2, row.peer());
            s.setString(3, row.displayName());
            s.setString(4, FrameReader.Json.MAPPER.writeValueAsString(row.groups()));
            s.setInt(5, row.to() ? 1 : 0);
            s.setInt(6, row.from() ? 1 : 0);
            s.setInt(7, row.pendingOut() ? 1 : 0);
            s.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode groups", e);
        }
    }

    void delete(Connection c, String owner, String peer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM contacts WHERE owner = ? AND peer = ?")) {
            s.setString(1, owner);
            s.setString(2, peer);
            s.executeUpdate();
        }
    }

    void addRequest(Connection c, String target, String requester, String text) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO subscription_requests(target, requester, text, created) VALUES (?,?,?,?) "
                        + "ON CONFLICT(target, requester) DO UPDATE SET text = excluded.text")) {
            s.setString(1, target);
            s.setString(2, requester);
            s.setString(3, text);
            s.setString(4, Instant.now().toString());
            s.executeUpdate();
        }
    }

    /** Removes a pending request; true when there was one. */
    boolean removeRequest(Connection c, String target, String requester) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM subscription_requests WHERE target = ? AND requester = ?")) {
            s.setString(1, target);
            s.setString(2, requester);
            return s.executeUpdate() > 0;
        }
    }

    List<Request> requestsFor(String target) throws SQLException {
        return database.transact(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT requester, text FROM subscription_requests WHERE target = ? ORDER BY created")) {
                s.setString(1, target);
                try (ResultSet rs = s.executeQuery()) {
                    List<Request> result = new ArrayList<>();
                    while (rs.next()) {
                        result.add(new Request(rs.getString(1), rs.getString(2)));
                    }
                    return result;
                }
            }
        });
    }

    private static List<ContactRow> query(Connection c, String sql, String argument) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, argument);
            try (ResultSet rs = s.executeQuery()) {
                List<ContactRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        }
    }

    private static ContactRow row(ResultSet rs) throws SQLException {
        List<String> groups;
        try {
            groups = FrameReader.Json.MAPPER.readValue(rs.getString("groups_json"), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            groups = List.of();
        }
        return new ContactRow(rs.getString("owner"), rs.getString("peer"), rs.getString("display_name"), groups,
                rs.getInt("sub_to") == 1, rs.getInt("sub_from") == 1, rs.getInt("pending_out") == 1);
    }
}
