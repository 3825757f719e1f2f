package org.switchboard.core.plugins;

import java.util.Objects;

/**
 * Why a plugin could not be used.
 *
 * @param kind    what went wrong, for the UI to put in the user's language
 * @param detail  the one variable part: the plugin's SPI version, a protocol id, an exception's text
 * @param message the same in English, for logs and for people reading the profile's log
 */
public record PluginError(Kind kind, String detail, String message) {

    public enum Kind {
        /** The file is not a readable jar. */
        UNREADABLE,
        /** The jar registers no {@code ProtocolProvider} service. */
        NO_PROVIDER,
        /** A provider's class could not be loaded or its constructor threw. */
        PROVIDER_FAILED,
        /** Built for a plugin API this app cannot run; detail is the plugin's version. */
        INCOMPATIBLE_SPI,
        /** Its protocol id is already taken (built in, or by another plugin); detail is the id. */
        DUPLICATE_PROTOCOL,
        /** Loading did not finish in time; detail is the limit in seconds. */
        TIMEOUT
    }

    public PluginError {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(message, "message");
    }
}
