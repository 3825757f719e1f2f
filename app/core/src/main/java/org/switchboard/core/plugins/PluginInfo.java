package org.switchboard.core.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One jar in the profile's plugins folder, as the Plugins page shows it.
 *
 * @param id        the jar's file name, which names the plugin in the app's settings
 * @param name      {@code Implementation-Title} of the jar's manifest, or the file name
 * @param version   {@code Implementation-Version} of the manifest, or empty
 * @param protocols the protocol ids its providers offer (empty unless LOADED)
 * @param location  where the jar is
 * @param error     why it FAILED, else null
 */
public record PluginInfo(String id, String name, String version, List<String> protocols, Path location,
                         PluginState state, PluginError error) {

    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        version = version == null ? "" : version;
        protocols = List.copyOf(protocols);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(state, "state");
    }

    public Optional<PluginError> failure() {
        return Optional.ofNullable(error);
    }
}
