package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What every handler of a connection shares: stores, limits, the logged-in sessions. */
final class ServerContext {

    final ServerLimits limits;
    final int scramIterations;
    final boolean allowRegistration;
    final UserStore users;
    final ContactStore contacts;
    final QueueStore queue;
    final SessionRegistry sessions;
    final LoginGuard guard;
    final PresenceHandler presence;
    final RosterHandler roster;
    final MessageHandler messages;
    final LoginHandler login;
    private final Database database;

    ServerContext(ServerLimits limits, int scramIterations, boolean allowRegistration, Database database) {
        this.limits = limits;
        this.scramIterations = scramIterations;
        this.allowRegistration = allowRegistration;
        this.database = database;
        this.users = new UserStore(database);
        this.contacts = new ContactStore(database);
        this.queue = new QueueStore(database);
        this.sessions = new SessionRegistry(limits.maxConnectionsPerUser());
        this.guard = new LoginGuard(limits, java.time.Clock.systemUTC());
        this.presence = new PresenceHandler(this);
        this.roster = new RosterHandler(this);
        this.messages = new MessageHandler(this);
        this.login = new LoginHandler(this);
    }

    Database database() {
        return database;
    }

    /** Sends a frame to each connection; one that fails is closed by its own write. */
    static void pushTo(List<ClientConnection> connections, ObjectNode frame) {
        for (ClientConnection connection : connections) {
            connection.send(frame);
        }
    }
}
