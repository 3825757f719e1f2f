package org.switchboard.protocol.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One field of an account dialog. {@code key} names the value in {@link AccountConfig};
 * the label is {@code key} looked up in the provider's {@link ProtocolProvider#messages}
 * bundle, so providers translate their own labels. Validation returns the bundle key of a
 * readable error, or empty when the value is acceptable.
 */
public sealed interface AccountField {

    String key();

    boolean required();

    /** The value shown before the user types anything (may be empty). */
    String defaultValue();

    /** Checks a raw value as typed; empty means it is acceptable. */
    Optional<String> validate(String raw);

    /** True for secrets, which the app keeps out of plain files. */
    default boolean secret() {
        return false;
    }

    private static Optional<String> missing(boolean required, String raw) {
        return required && (raw == null || raw.isBlank())
                ? Optional.of("validation.required") : Optional.empty();
    }

    /** A line of text, optionally matching a pattern (whole-value match). */
    record Text(String key, boolean required, String defaultValue, Pattern pattern)
            implements AccountField {
        public Text {
            Objects.requireNonNull(key, "key");
            defaultValue = defaultValue == null ? "" : defaultValue;
        }

        public static Text required(String key) {
            return new Text(key, true, "", null);
        }

        public static Text optional(String key, String defaultValue) {
            return new Text(key, false, defaultValue, null);
        }

        @Override
        public Optional<String> validate(String raw) {
            Optional<String> missing = missing(required, raw);
            if (missing.isPresent() || raw == null || raw.isEmpty()) {
                return missing;
            }
            if (pattern != null && !pattern.matcher(raw).matches()) {
                return Optional.of("validation.format");
            }
            return Optional.empty();
        }
    }

    /** A password or token: never shown, never written to a plain file. */
    record Secret(String key, boolean required) implements AccountField {
        public Secret {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String defaultValue() {
            return "";
        }

        @Override
        public boolean secret() {
            return true;
        }

        @Override
        public Optional<String> validate(String raw) {
            return missing(required, raw);
        }
    }

    /** A TCP or UDP port, 1–65535. */
    record Port(String key, int defaultPort) implements AccountField {
        public Port {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public boolean required() {
            return true;
        }

        @Override
        public String defaultValue() {
            return Integer.toString(defaultPort);
        }

        @Override
        public Optional<String> validate(String raw) {
            try {
                int port = Integer.parseInt(raw == null ? "" : raw.strip());
                return port >= 1 && port <= 65535 ? Optional.empty() : Optional.of("validation.port");
            } catch (NumberFormatException e) {
                return Optional.of("validation.port");
            }
        }
    }

    /** A switch. */
    record Flag(String key, boolean defaultOn) implements AccountField {
        public Flag {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public boolean required() {
            return false;
        }

        @Override
        public String defaultValue() {
            return Boolean.toString(defaultOn);
        }

        @Override
        public Optional<String> validate(String raw) {
            return raw == null || raw.isEmpty() || raw.equals("true") || raw.equals("false")
                    ? Optional.empty() : Optional.of("validation.format");
        }
    }

    /** One of a fixed list of values; each value's label is {@code key + "." + value} in the bundle. */
    record Choice(String key, List<String> values, String defaultValue) implements AccountField {
        public Choice {
            Objects.requireNonNull(key, "key");
            values = List.copyOf(values);
            if (!values.contains(defaultValue)) {
                throw new IllegalArgumentException("default " + defaultValue + " is not one of " + values);
            }
        }

        @Override
        public boolean required() {
            return true;
        }

        @Override
        public Optional<String> validate(String raw) {
            return values.contains(raw) ? Optional.empty() : Optional.of("validation.choice");
        }
    }
}
