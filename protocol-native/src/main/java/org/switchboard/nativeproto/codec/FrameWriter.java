package org.switchboard.nativeproto.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes frames. Thread-safe: several threads may push to the same connection, and each frame
 * goes out whole.
 */
public final class FrameWriter {

    private final OutputStream out;
    private final int maxFrameBytes;
    private final ReentrantLock lock = new ReentrantLock();

    public FrameWriter(OutputStream out, int maxFrameBytes) {
        this.out = out;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Encodes a frame without writing it; refuses one over the limit, which the peer would refuse. */
    public static byte[] encode(ObjectNode frame, int maxFrameBytes) throws FrameException {
        byte[] body;
        try {
            body = FrameReader.Json.MAPPER.writeValueAsBytes(frame);
        } catch (JsonProcessingException e) {
            throw new FrameException(ErrorCode.INTERNAL_ERROR, "cannot encode frame: " + e.getOriginalMessage());
        }
        if (body.length > maxFrameBytes) {
            throw new FrameException(ErrorCode.FRAME_TOO_LARGE,
                    "frame of " + body.length + " bytes is over the limit of " + maxFrameBytes);
        }
        byte[] framed = new byte[4 + body.length];
        framed[0] = (byte) (body.length >>> 24);
        framed[1] = (byte) (body.length >>> 16);
        framed[2] = (byte) (body.length >>> 8);
        framed[3] = (byte) body.length;
        System.arraycopy(body, 0, framed, 4, body.length);
        return framed;
    }

    public void write(ObjectNode frame) throws IOException, FrameException {
        byte[] framed = encode(frame, maxFrameBytes);
        lock.lock();
        try {
            out.write(framed);
            out.flush();
        } finally {
            lock.unlock();
        }
    }
}
