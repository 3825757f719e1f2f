package org.switchboard.core.profile;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Switchboard keeps what it writes. Either one folder given with {@code --profile DIR}
 * (config and data both inside it), or the XDG defaults: {@code $XDG_CONFIG_HOME/switchboard}
 * for configuration and {@code $XDG_DATA_HOME/switchboard} for history and server data.
 */
public record Profile(Path configDir, Path dataDir) {

    public Profile {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(dataDir, "dataDir");
        configDir = configDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Everything in one folder. */
    public static Profile inFolder(Path folder) {
        return new Profile(folder, folder);
    }

    /** The XDG folders for this environment (falling back to ~/.config and ~/.local/share). */
    public static Profile xdg(Map<String, String> env, Path home) {
        Path config = Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(s -> !s.isBlank())
                .map(Path::of).filter(Path::isAbsolute).orElse(home.resolve(".config"));
        Path data = Optional.ofNullable(env.get("XDG_DATA_HOME")).filter(s -> !s.isBlank())
                .map(Path::of).filter(Path::isAbsolute).orElse(home.resolve(".local").resolve("share"));
        return new Profile(config.resolve("switchboard"), data.resolve("switchboard"));
    }

    public static Profile resolve(Optional<Path> profileOption) {
        return profileOption.map(Profile::inFolder)
                .orElseGet(() -> xdg(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    public Path accountsFile() {
        return configDir.resolve("accounts.json");
    }

    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }

    /** The rooms to join again at every connect, per account (owner-only: room passwords). */
    public Path roomsFile() {
        return configDir.resolve("rooms.json");
    }

    /** Contact lists no server keeps (IRC friends), per account. */
    public Path contactsFile() {
        return configDir.resolve("contacts.json");
    }

    /** Secrets when no desktop keyring is available: readable by the owner alone. */
    public Path secretsFile() {
        return configDir.resolve("secrets.json");
    }

    public Path historyDatabase() {
        return dataDir.resolve("history.db");
    }

    public Path pluginsDir() {
        return dataDir.resolve("plugins");
    }

    /** Data of the embedded demo server. */
    public Path demoServerDir() {
        return dataDir.resolve("demo-server");
    }

    /** Contacts' pictures, kept between runs (owner-only). */
    public Path avatarsDir() {
        return dataDir.resolve("avatars");
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }
}
