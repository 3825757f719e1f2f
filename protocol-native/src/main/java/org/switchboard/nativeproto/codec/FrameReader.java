package org.switchboard.nativeproto.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads frames: a 4-byte big-endian unsigned length, then that many bytes of UTF-8 JSON that
 * must be one object with a string {@code type}. Not thread-safe: one reader per stream.
 */
public final class FrameReader {

    /** Bytes of a body read (and allocated) at a time. */
    static final int CHUNK = 16 * 1024;

    private final DataInputStream in;
    private final int maxFrameBytes;

    public FrameReader(InputStream in, int maxFrameBytes) {
        this.in = new DataInputStream(in);
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The next frame. Throws {@link EOFException} at a clean end of stream (before a length),
     * an {@link IOException} when the stream breaks (a truncated frame included), and a
     * {@link FrameException} for a frame that arrived whole but is not acceptable.
     */
    public ObjectNode read() throws IOException, FrameException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("end of stream");
        }
        long length = ((long) first << 24) | ((long) in.readUnsignedByte() << 16)
                | ((long) in.readUnsignedByte() << 8) | in.readUnsignedByte();
        if (length > maxFrameBytes) {
            throw new FrameException(ErrorCode.FRAME_TOO_LARGE,
                    "frame of " + length + " bytes is over the limit of " + maxFrameBytes, true, null);
        }
        return parse(body((int) length));
    }

    /**
     * Reads the body a chunk at a time, so that memory grows with the bytes that actually came,
     * not with the length a peer announced: a peer that announces the maximum and then trickles
     * (or sends nothing) holds no more than a chunk.
     */
    private byte[] body(int length) throws IOException {
        if (length <= CHUNK) {
            byte[] body = new byte[length];
            in.readFully(body);
            return body;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(CHUNK);
        byte[] chunk = new byte[CHUNK];
        int left = length;
        while (left > 0) {
            int n = in.read(chunk, 0, Math.min(CHUNK, left));
            if (n < 0) {
                throw new EOFException("stream ended " + left + " bytes before the end of a frame");
            }
            body.write(chunk, 0, n);
            left -= n;
        }
        return body.toByteArray();
    }

    private static ObjectNode parse(byte[] body) throws FrameException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new FrameException(ErrorCode.BAD_FRAME, "frame body is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FrameException(ErrorCode.BAD_FRAME, "frame body is not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new FrameException(ErrorCode.BAD_FRAME, "frame body is not a JSON object");
        }
        String id = object.path("id").isTextual() ? object.get("id").asText() : null;
        if (!object.path("type").isTextual() || object.get("type").asText().isBlank()) {
            throw new FrameException(ErrorCode.BAD_FRAME, "frame has no string field \"type\"", false, id);
        }
        return object;
    }

    /** Shared JSON settings of the codec. */
    public static final class Json {
        public static final ObjectMapper MAPPER = new ObjectMapper();

        private Json() {
        }
    }
}
