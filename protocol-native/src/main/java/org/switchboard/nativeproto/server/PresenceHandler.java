package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.switchboard.nativeproto.codec.ErrorCode;
import org.switchboard.nativeproto.codec.FrameException;
import org.switchboard.nativeproto.codec.Frames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.model.Availability;

/**
 * Presence: a connection's first available presence makes it "available" (it then gets its
 * contacts' presence, pending requests and everything queued for it); each change goes to the
 * subscribers; the last available connection going away sends "offline".
 */
final class PresenceHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceHandler.class);
    private static final int MAX_STATUS = 1024;

    private final ServerContext context;
    /**
     * One lock per user (striped): computing a user's best presence and pushing it happen under
     * it, so that of two changes at once the last push is always computed after both.
     */
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    PresenceHandler(ServerContext context) {
        this.context = context;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    void handle(ClientConnection connection, ObjectNode frame) throws FrameException, SQLException {
        String id = Frames.id(frame);
        String wire = Frames.text(frame, "availability");
        Availability availability = PresenceState.parse(wire).orElseThrow(() -> new FrameException(
                ErrorCode.INVALID_INPUT, "unknown availability \"" + wire + "\"", false, id));
        String status = Frames.text(frame, "status", "");
        if (status.length() > MAX_STATUS) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "status text over " + MAX_STATUS + " characters", false, id);
        }
        boolean initial = !connection.available() && availability.isOnline();
        connection.presence(new PresenceState(availability, status));
        if (id != null) {
            connection.send(Frames.ok(id));
        }
        broadcast(connection.user());
        if (initial) {
            catchUp(connection);
        }
    }

    /** Sends the user's current (best) presence to every available connection of each subscriber. */
    void broadcast(String user) {
        ReentrantLock lock = stripes[Math.floorMod(user.hashCode(), stripes.length)];
        lock.lock();
        try {
            ObjectNode frame = context.sessions.presence(user).orElse(PresenceState.OFFLINE).toFrame(user);
            for (String subscriber : context.contacts.subscribersOf(user)) {
                ServerContext.pushTo(context.sessions.available(subscriber), frame);
            }
        } catch (SQLException e) {
            LOG.error("Cannot read the subscribers of {}", user, e);
        } finally {
            lock.unlock();
        }
    }

    private void catchUp(ClientConnection connection) throws SQLException {
        String user = connection.user();
        for (ContactRow row : context.contacts.listOf(user)) {
            if (row.to()) {
                context.sessions.presence(row.peer()).ifPresent(p -> connection.send(p.toFrame(row.peer())));
            }
        }
        context.roster.sendPendingRequests(connection);
        context.messages.sendQueued(connection);
    }
}
