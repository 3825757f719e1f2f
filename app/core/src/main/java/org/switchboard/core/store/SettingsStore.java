package org.switchboard.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.settings.Settings;

/** {@code settings.json}, held in memory for reads and saved on the given executor. */
public final class SettingsStore implements Settings {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final Map<String, String> values;
    private final Executor saver;

    private SettingsStore(Path file, Map<String, String> values, Executor saver) {
        this.file = file;
        this.values = new ConcurrentHashMap<>(values);
        this.saver = saver;
    }

    public static SettingsStore open(Path file, Executor saver) throws IOException {
        Map<String, String> loaded = Map.of();
        if (Files.exists(file)) {
            try {
                loaded = JsonFiles.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, String>>() { });
            } catch (IOException e) {
                throw new IOException("Cannot read " + file + ": " + e.getMessage()
                        + ". Fix or move the file; it was left untouched.", e);
            }
        }
        return new SettingsStore(file, loaded == null ? Map.of() : loaded, saver);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void set(String key, String value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        saver.execute(this::save);
    }

    private void save() {
        try {
            JsonFiles.write(file, new TreeMap<>(values), false);
        } catch (IOException e) {
            LOG.error("saving settings to {} failed", file, e);
        }
    }
}
