package org.switchboard.irc.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The IRCv3 {@code server-time} tag ({@code time=2026-11-24T19:30:00.123Z}), when present and valid. */
public final class ServerTime {

    private ServerTime() {
    }

    /** When the server says the line happened, or {@code fallback} without a valid {@code time} tag. */
    public static Instant of(Map<String, String> tags, Instant fallback) {
        String value = tags.get("time");
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
