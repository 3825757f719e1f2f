package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.switchboard.nativeproto.codec.ErrorCode;
import org.switchboard.nativeproto.codec.FrameException;
import org.switchboard.nativeproto.codec.Frames;

/**
 * A refusal whose code is newer than the shared {@link ErrorCode} list ({@code queue-full},
 * {@code unknown-message}, {@code reply-too-large}). It travels under its own wire name; a client
 * that does not know the name treats it as {@code internal-error}, as PROTOCOL.md §14 requires.
 */
final class ServerRefusal extends FrameException {

    static final String QUEUE_FULL = "queue-full";
    static final String UNKNOWN_MESSAGE = "unknown-message";
    static final String REPLY_TOO_LARGE = "reply-too-large";

    private final String wire;

    ServerRefusal(String wire, String message, String requestId) {
        super(ErrorCode.INTERNAL_ERROR, message, false, requestId);
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static ObjectNode error(String id, String wire, String message) {
        ObjectNode error = Frames.frame("error");
        if (id != null) {
            error.put("id", id);
        }
        return error.put("code", wire).put("message", message);
    }
}
