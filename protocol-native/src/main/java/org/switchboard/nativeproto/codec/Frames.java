package org.switchboard.nativeproto.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Building and reading frame fields, with the checks every handler needs. */
public final class Frames {

    /** The protocol versions this implementation speaks. */
    public static final int VERSION = 1;
    public static final int DEFAULT_PORT = 5290;
    public static final int DEFAULT_MAX_FRAME_BYTES = 256 * 1024;

    private Frames() {
    }

    public static ObjectNode frame(String type) {
        ObjectNode node = FrameReader.Json.MAPPER.createObjectNode();
        node.put("type", type);
        return node;
    }

    public static ObjectNode request(String type, String id) {
        return frame(type).put("id", id);
    }

    public static String type(ObjectNode frame) {
        return frame.path("type").asText();
    }

    /** The frame's request id, or null for a frame without one. */
    public static String id(ObjectNode frame) {
        JsonNode id = frame.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    public static ObjectNode ok(String id) {
        return request("ok", id);
    }

    public static ObjectNode error(String id, ErrorCode code, String message) {
        ObjectNode error = frame("error");
        if (id != null) {
            error.put("id", id);
        }
        return error.put("code", code.wire()).put("message", message);
    }

    /** A required, non-blank string field. */
    public static String text(ObjectNode frame, String field) throws FrameException {
        JsonNode value = frame.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new FrameException(ErrorCode.INVALID_INPUT,
                    "field \"" + field + "\" must be a non-empty string", false, id(frame));
        }
        return value.asText();
    }

    /** An optional string field; {@code fallback} when absent or not a string. */
    public static String text(ObjectNode frame, String field, String fallback) {
        JsonNode value = frame.get(field);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }

    public static boolean flag(ObjectNode frame, String field) throws FrameException {
        JsonNode value = frame.get(field);
        if (value == null || !value.isBoolean()) {
            throw new FrameException(ErrorCode.INVALID_INPUT,
                    "field \"" + field + "\" must be true or false", false, id(frame));
        }
        return value.asBoolean();
    }
}
