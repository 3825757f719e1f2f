package org.switchboard.xmpp;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/** One capability's wiring to a Smack connection. Called on the session's connecting thread. */
interface SessionPart {

    /** Registers listeners on a new connection, before it logs in. */
    void attach(XMPPTCPConnection connection);

    /**
     * The connection logged in (a fresh stream, not a resumed one): fetch what the capability
     * needs and report its first events.
     */
    default void loggedIn(XMPPTCPConnection connection, ServerFeatures features) throws Exception {
    }

    /** The connection is gone for good (logout, failure): forget per-connection state. */
    default void detached() {
    }
}
