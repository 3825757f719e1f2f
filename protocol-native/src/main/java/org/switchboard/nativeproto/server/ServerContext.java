package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/** What every handler of a connection shares: stores, limits, the logged-in sessions, the timers. */
final class ServerContext implements AutoCloseable {

    final ServerLimits limits;
    final int scramIterations;
    final boolean allowRegistration;
    final UserStore users;
    final ContactStore contacts;
    final QueueStore queue;
    final SettingsStore settings;
    final SessionRegistry sessions;
    final LoginGuard guard;
    final RegistrationThrottle registrations;
    final Housekeeping housekeeping;
    final PresenceHandler presence;
    final RosterHandler roster;
    final MessageHandler messages;
    final LoginHandler login;
    private final Database database;

    ServerContext(ServerLimits limits, int scramIterations, boolean allowRegistration, Database database,
                  Collection<ClientConnection> connections) throws SQLException {
        this.limits = limits;
        this.scramIterations = scramIterations;
        this.allowRegistration = allowRegistration;
        this.database = database;
        this.users = new UserStore(database);
        this.contacts = new ContactStore(database);
        this.queue = new QueueStore(database, limits);
        this.settings = new SettingsStore(database);
        settings.scramIterations(scramIterations);
        this.sessions = new SessionRegistry(limits.maxConnectionsPerUser());
        this.guard = new LoginGuard(limits, java.time.Clock.systemUTC());
        this.registrations = new RegistrationThrottle(limits.registrationsPerHour());
        this.presence = new PresenceHandler(this);
        this.roster = new RosterHandler(this);
        this.messages = new MessageHandler(this);
        this.login = new LoginHandler(this, settings.decoySecret());
        this.housekeeping = new Housekeeping(connections, limits.writeTimeout(), queue);
    }

    Database database() {
        return database;
    }

    /** Sends a frame to each connection; never waits: one that cannot take it is cut by its own send. */
    static void pushTo(List<ClientConnection> connections, ObjectNode frame) {
        for (ClientConnection connection : connections) {
            connection.send(frame);
        }
    }

    @Override
    public void close() {
        housekeeping.close();
    }
}
