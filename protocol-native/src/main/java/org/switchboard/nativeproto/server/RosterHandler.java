package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.nativeproto.codec.ErrorCode;
import org.switchboard.nativeproto.codec.FrameException;
import org.switchboard.nativeproto.codec.Frames;

/**
 * Contact lists and subscriptions, in the manner of RFC 6121: a request, an answer; accepting
 * lets the requester see the answerer's presence and nothing more: the other way round takes a
 * request of its own.
 */
final class RosterHandler {

    private static final int MAX_NAME = 256;
    private static final int MAX_GROUPS = 32;
    /** A subscription request's text, like a status text: it is stored until answered. */
    static final int MAX_REQUEST_TEXT = 1024;
    /** Room a roster-get answer keeps below the frame limit for its own fields. */
    private static final int PAGE_HEADROOM = 512;

    private final ServerContext context;

    RosterHandler(ServerContext context) {
        this.context = context;
    }

    void handle(ClientConnection connection, String type, ObjectNode frame) throws FrameException, SQLException {
        String id = Frames.id(frame);
        String owner = connection.user();
        switch (type) {
            case "roster-get" -> connection.send(rosterPage(owner, Frames.text(frame, "after", ""), id));
            case "contact-add" -> add(connection, owner, peer(frame, owner, id), frame, id);
            case "contact-remove" -> {
                remove(owner, peer(frame, owner, id));
                connection.send(Frames.ok(id));
            }
            default -> {
                answer(owner, peer(frame, owner, id), Frames.flag(frame, "accept"), id);
                connection.send(Frames.ok(id));
            }
        }
    }

    private String peer(ObjectNode frame, String owner, String id) throws FrameException, SQLException {
        String raw = Frames.text(frame, "user");
        Optional<String> peer = UserStore.normalize(raw);
        if (peer.isEmpty() || !context.users.exists(peer.get())) {
            throw new FrameException(ErrorCode.UNKNOWN_USER, "there is no user " + raw, false, id);
        }
        if (peer.get().equals(owner)) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "you cannot be your own contact", false, id);
        }
        return peer.get();
    }

    private void add(ClientConnection connection, String owner, String peer, ObjectNode frame, String id)
            throws FrameException, SQLException {
        String name = Frames.text(frame, "name", null);
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            name = name.isBlank() ? null : name.substring(0, MAX_NAME);
        }
        List<String> groups = groups(frame, id);
        String text = Frames.text(frame, "text", "");
        if (text.length() > MAX_REQUEST_TEXT) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "\"text\" is over " + MAX_REQUEST_TEXT + " characters",
                    false, id);
        }
        String displayName = name;
        ContactRow saved = context.database().transact(c -> {
            ContactRow row = context.contacts.findOrEmpty(c, owner, peer).withNameAndGroups(displayName, groups);
            if (!row.to()) {
                row = row.withPendingOut(true);
                context.contacts.addRequest(c, peer, owner, text);
            }
            context.contacts.save(c, row);
            return row;
        });
        connection.send(Frames.ok(id));
        pushContact(saved);
        if (!saved.to()) {
            ServerContext.pushTo(context.sessions.available(peer), subscribeRequest(owner, text));
        }
    }

    /**
     * The contacts after {@code after} (in name order) that fit in one frame; {@code next} names
     * the last one when more follow, for the client to ask again with {@code after}.
     */
    private ObjectNode rosterPage(String owner, String after, String id) throws SQLException {
        ObjectNode reply = Frames.ok(id);
        ArrayNode list = reply.putArray("contacts");
        long budget = context.limits.maxFrameBytes() - PAGE_HEADROOM;
        long used = 0;
        String last = null;
        for (ContactRow row : context.contacts.listOf(owner)) {
            if (row.peer().compareTo(after) <= 0) {
                continue;
            }
            ObjectNode json = row.toJson();
            long size = json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
            if (used + size > budget && last != null) {
                reply.put("next", last);
                break;
            }
            list.add(json);
            used += size;
            last = row.peer();
        }
        return reply;
    }

    private static List<String> groups(ObjectNode frame, String id) throws FrameException {
        JsonNode node = frame.get("groups");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_GROUPS) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "\"groups\" must be a list of at most "
                    + MAX_GROUPS + " names", false, id);
        }
        Set<String> groups = new LinkedHashSet<>();
        for (JsonNode g : node) {
            if (!g.isTextual() || g.asText().isBlank() || g.asText().length() > MAX_NAME) {
                throw new FrameException(ErrorCode.INVALID_INPUT, "a group name must be 1–" + MAX_NAME
                        + " characters", false, id);
            }
            groups.add(g.asText());
        }
        return new ArrayList<>(groups);
    }

    private void answer(String owner, String requester, boolean accept, String id) throws FrameException, SQLException {
        ContactRow[] changed = context.database().transact(c -> {
            boolean pending = context.contacts.removeRequest(c, owner, requester);
            Optional<ContactRow> theirs = context.contacts.find(c, requester, owner);
            if (!pending && !theirs.map(ContactRow::pendingOut).orElse(false)) {
                return null;
            }
            ContactRow requesterRow = theirs.orElseGet(() -> ContactRow.empty(requester, owner));
            if (!accept) {
                requesterRow = requesterRow.withPendingOut(false);
                context.contacts.save(c, requesterRow);
                return new ContactRow[] {requesterRow};
            }
            requesterRow = requesterRow.withTo(true);
            ContactRow ownerRow = context.contacts.findOrEmpty(c, owner, requester).withFrom(true);
            context.contacts.save(c, requesterRow);
            context.contacts.save(c, ownerRow);
            return new ContactRow[] {requesterRow, ownerRow};
        });
        if (changed == null) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "no pending request from " + requester, false, id);
        }
        for (ContactRow row : changed) {
            pushContact(row);
        }
        if (accept) {
            ObjectNode presence = context.sessions.presence(owner).orElse(PresenceState.OFFLINE).toFrame(owner);
            ServerContext.pushTo(context.sessions.available(requester), presence);
        }
    }

    /** Removes {@code peer} from {@code owner}'s list and cancels the subscriptions both ways. */
    void remove(String owner, String peer) throws SQLException {
        Optional<ContactRow> peerRow = context.database().transact(c -> {
            context.contacts.delete(c, owner, peer);
            context.contacts.removeRequest(c, owner, peer);
            context.contacts.removeRequest(c, peer, owner);
            Optional<ContactRow> theirs = context.contacts.find(c, peer, owner)
                    .map(r -> r.withTo(false).withFrom(false).withPendingOut(false));
            if (theirs.isPresent()) {
                context.contacts.save(c, theirs.get());
            }
            return theirs;
        });
        ServerContext.pushTo(context.sessions.all(owner), Frames.frame("contact-removed").put("user", peer));
        peerRow.ifPresent(this::pushContact);
        ServerContext.pushTo(context.sessions.available(peer), PresenceState.OFFLINE.toFrame(owner));
    }

    /** Makes two users mutual contacts at once (an administrator's act, not a request). */
    void befriend(String a, String b) throws SQLException {
        ContactRow[] rows = context.database().transact(c -> {
            context.contacts.removeRequest(c, a, b);
            context.contacts.removeRequest(c, b, a);
            ContactRow ab = context.contacts.findOrEmpty(c, a, b).withTo(true).withFrom(true);
            ContactRow ba = context.contacts.findOrEmpty(c, b, a).withTo(true).withFrom(true);
            context.contacts.save(c, ab);
            context.contacts.save(c, ba);
            return new ContactRow[] {ab, ba};
        });
        for (ContactRow row : rows) {
            pushContact(row);
            ObjectNode presence = context.sessions.presence(row.peer()).orElse(PresenceState.OFFLINE).toFrame(row.peer());
            ServerContext.pushTo(context.sessions.available(row.owner()), presence);
        }
    }

    /** Pending requests to a user who just became available. */
    void sendPendingRequests(ClientConnection connection) throws SQLException {
        for (ContactStore.Request r : context.contacts.requestsFor(connection.user())) {
            connection.send(subscribeRequest(r.requester(), r.text()));
        }
    }

    private void pushContact(ContactRow row) {
        ObjectNode frame = Frames.frame("contact");
        frame.set("contact", row.toJson());
        ServerContext.pushTo(context.sessions.all(row.owner()), frame);
    }

    private static ObjectNode subscribeRequest(String from, String text) {
        return Frames.frame("subscribe-request").put("from", from).put("text", text);
    }
}
