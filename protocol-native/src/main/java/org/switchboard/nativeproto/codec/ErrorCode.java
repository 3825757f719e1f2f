package org.switchboard.nativeproto.codec;

import java.util.Locale;

/**
 * The stable error codes of the native protocol, as they travel in an {@code error} frame's
 * {@code code} field. The wire form is the lower-case name with dashes ({@code frame-too-large}).
 * PROTOCOL.md has the table of what each one means and whether the server closes afterwards.
 */
public enum ErrorCode {
    BAD_FRAME,
    FRAME_TOO_LARGE,
    UNKNOWN_TYPE,
    INVALID_INPUT,
    BODY_TOO_LARGE,
    UNSUPPORTED_VERSION,
    NOT_AUTHENTICATED,
    ALREADY_AUTHENTICATED,
    AUTH_FAILED,
    LOCKED_OUT,
    REGISTRATION_CLOSED,
    USER_EXISTS,
    UNKNOWN_USER,
    RATE_LIMITED,
    TOO_MANY_CONNECTIONS,
    IDLE_TIMEOUT,
    SHUTTING_DOWN,
    QUEUE_FULL,
    UNKNOWN_MESSAGE,
    REPLY_TOO_LARGE,
    INTERNAL_ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The code for a wire name, or {@link #INTERNAL_ERROR} for a name this version does not know. */
    public static ErrorCode fromWire(String wire) {
        if (wire == null) {
            return INTERNAL_ERROR;
        }
        try {
            return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return INTERNAL_ERROR;
        }
    }
}
