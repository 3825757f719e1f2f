package org.switchboard.protocol.model;

/** Whether a message was written by the account's owner or by the peer. */
public enum Direction {
    INCOMING,
    OUTGOING
}
