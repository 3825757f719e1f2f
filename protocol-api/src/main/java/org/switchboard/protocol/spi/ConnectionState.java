package org.switchboard.protocol.spi;

/** The life of a session's connection. */
public enum ConnectionState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED,
    /** The last attempt or the live connection failed; the event carries the reason. */
    FAILED
}
