package org.switchboard.nativeproto.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.switchboard.nativeproto.codec.ErrorCode;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;

/** Turns the server's error codes into the reasons the app acts on. */
final class ErrorMapping {

    private ErrorMapping() {
    }

    static Reason reason(ErrorCode code) {
        return switch (code) {
            case AUTH_FAILED -> Reason.AUTH_FAILED;
            case LOCKED_OUT, RATE_LIMITED, TOO_MANY_CONNECTIONS -> Reason.RATE_LIMITED;
            case INVALID_INPUT, BODY_TOO_LARGE, FRAME_TOO_LARGE, BAD_FRAME, UNKNOWN_TYPE -> Reason.INVALID_INPUT;
            case UNKNOWN_USER, REGISTRATION_CLOSED, USER_EXISTS, ALREADY_AUTHENTICATED, UNKNOWN_MESSAGE,
                 REPLY_TOO_LARGE -> Reason.REJECTED;
            // The peer's offline queue is full: it may drain when they log in, so try again later.
            case QUEUE_FULL -> Reason.RATE_LIMITED;
            case UNSUPPORTED_VERSION -> Reason.UNSUPPORTED;
            case NOT_AUTHENTICATED -> Reason.NOT_CONNECTED;
            case IDLE_TIMEOUT, SHUTTING_DOWN -> Reason.NETWORK;
            // Also what an unknown, newer code becomes: PROTOCOL.md says retrying may help.
            case INTERNAL_ERROR -> Reason.SERVER_ERROR;
        };
    }

    static ProtocolException fromErrorFrame(ObjectNode frame) {
        ErrorCode code = ErrorCode.fromWire(Frames.text(frame, "code", null));
        String message = Frames.text(frame, "message", code.wire());
        return new ProtocolException(reason(code), "The server refused: " + message + " (" + code.wire() + ")");
    }
}
