package org.switchboard.protocol.model;

/** Chat-state notifications in the spirit of XEP-0085, reduced to what a UI shows. */
public enum TypingState {
    COMPOSING,
    PAUSED,
    IDLE
}
