package org.switchboard.irc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.switchboard.irc.testing.NgircdServer;

/** Tests against one private ngircd per test class, with the sessions of each test closed after it. */
abstract class OnNgircd {

    protected static NgircdServer server;
    protected final Sessions sessions = new Sessions();

    @BeforeAll
    static void startServer() throws Exception {
        server = NgircdServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeSessions() {
        sessions.close();
    }
}
