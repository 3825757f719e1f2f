package org.switchboard.core.settings;

import java.util.Optional;

/**
 * The user's preferences as plain text values in {@code settings.json}. Reads come from memory;
 * writes are saved off the caller's thread.
 */
public interface Settings {

    String LANGUAGE = "ui.language";
    String THEME = "ui.theme";

    Optional<String> get(String key);

    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    void set(String key, String value);
}
