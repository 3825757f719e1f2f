package org.switchboard.protocol.spi;

import org.switchboard.protocol.event.ProtocolEvent;

/**
 * Receives a session's events.
 *
 * <p>Threading: called on the session's own network thread (never the JavaFX thread), one
 * event at a time, in the order the session saw them. An implementation must return quickly
 * and must not call blocking methods of the same session; hand work to another executor.
 * An exception thrown here is logged by the provider and does not stop the session.
 */
@FunctionalInterface
public interface SessionListener {

    void onEvent(ProtocolEvent event);
}
