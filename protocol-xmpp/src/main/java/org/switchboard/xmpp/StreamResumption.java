package org.switchboard.xmpp;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;

/**
 * Follows a live connection: when its socket breaks, tries once, at once, to resume the stream
 * (XEP-0198) on the same Smack connection. A resumed stream is silent for the app: both sides
 * replay what the other did not acknowledge, so nothing is lost or repeated. Only a failed
 * resumption is reported, as the session's failure (NETWORK).
 */
final class StreamResumption implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(StreamResumption.class);

    private final XmppSession session;
    private final XMPPTCPConnection connection;
    private final long attempt;

    StreamResumption(XmppSession session, XMPPTCPConnection connection, long attempt) {
        this.session = session;
        this.connection = connection;
        this.attempt = attempt;
    }

    @Override
    public void connectionClosedOnError(Exception cause) {
        Thread.ofVirtual().name("xmpp-resume-" + session.account()).start(() -> resume(cause));
    }

    /** A clean close the session did not ask for (the server ended the stream). */
    @Override
    public void connectionClosed() {
        if (session.current(attempt)) {
            session.lost(attempt, new ProtocolException(Reason.NETWORK, "The server closed the connection"));
        }
    }

    private void resume(Exception cause) {
        if (!session.current(attempt)) {
            return;
        }
        if (connection.isSmResumptionPossible()) {
            try {
                connection.connect();
                connection.login();
                if (connection.streamWasResumed()) {
                    LOG.info("Session {} resumed its stream after: {}", session.account(), cause.toString());
                    return;
                }
            } catch (Exception e) {
                LOG.info("Session {} could not resume: {}", session.account(), e.toString());
            }
        }
        session.lost(attempt, new ProtocolException(Reason.NETWORK, "The connection to the server was lost: "
                + cause.getMessage(), cause));
    }
}
