package org.switchboard.nativeproto.codec;

/**
 * A frame that could not be read or is not acceptable. {@code fatal} says whether the stream
 * is still in step (the next frame can be read) or must be closed, as for a length prefix over
 * the limit, whose body is never read.
 */
public class FrameException extends Exception {

    private final ErrorCode code;
    private final boolean fatal;
    private final String requestId;

    public FrameException(ErrorCode code, String message, boolean fatal, String requestId) {
        super(message);
        this.code = code;
        this.fatal = fatal;
        this.requestId = requestId;
    }

    public FrameException(ErrorCode code, String message) {
        this(code, message, false, null);
    }

    public ErrorCode code() {
        return code;
    }

    public boolean fatal() {
        return fatal;
    }

    /** The {@code id} of the frame at fault, when it could be read; else null. */
    public String requestId() {
        return requestId;
    }
}
