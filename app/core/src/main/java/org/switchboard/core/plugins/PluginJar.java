package org.switchboard.core.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.switchboard.core.plugins.PluginError.Kind;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.SpiVersion;

/** Reads one plugin jar's manifest and loads its providers in a class loader of its own. */
final class PluginJar {

    /** A jar after loading: its entry, and when LOADED its class loader and providers. */
    record Loaded(PluginInfo info, PluginClassLoader loader, List<PluginProvider> providers) {
        static Loaded without(PluginInfo info) {
            return new Loaded(info, null, List.of());
        }
    }

    private record Meta(String name, String version) {
    }

    private PluginJar() {
    }

    static Loaded disabled(Path jar) {
        Meta meta = metaOrFileName(jar);
        return Loaded.without(new PluginInfo(id(jar), meta.name(), meta.version(), List.of(), jar,
                PluginState.DISABLED, null));
    }

    static Loaded failed(Path jar, PluginError error) {
        Meta meta = metaOrFileName(jar);
        return Loaded.without(new PluginInfo(id(jar), meta.name(), meta.version(), List.of(), jar,
                PluginState.FAILED, error));
    }

    static String id(Path jar) {
        return jar.getFileName().toString();
    }

    /**
     * Loads the jar's providers. A provider id in {@code taken} (built in, or of a plugin loaded
     * before) is refused. Never throws: whatever the plugin does wrong becomes a FAILED entry.
     */
    static Loaded load(Path jar, ClassLoader app, Set<String> taken) {
        Meta meta;
        PluginClassLoader loader;
        try {
            meta = meta(jar);
            loader = new PluginClassLoader("plugin:" + id(jar), jar.toUri().toURL(), app);
        } catch (IOException e) {
            return failed(jar, new PluginError(Kind.UNREADABLE, e.getMessage(),
                    id(jar) + " is not a readable jar: " + e.getMessage()));
        }
        PluginError error;
        List<PluginProvider> providers = new ArrayList<>();
        try {
            error = loadProviders(meta.name(), loader, taken, providers);
        } catch (Throwable t) {
            // Plugin code ran here (class initialisers, constructors): anything may come out.
            Throwable cause = t.getCause() != null ? t.getCause() : t;
            error = new PluginError(Kind.PROVIDER_FAILED, cause.toString(),
                    meta.name() + ": a protocol provider could not be created: " + cause);
        }
        if (error == null && providers.isEmpty()) {
            error = new PluginError(Kind.NO_PROVIDER, "", meta.name() + " registers no protocol provider in "
                    + "META-INF/services/" + ProtocolProvider.class.getName());
        }
        if (error != null) {
            closeQuietly(loader);
            return Loaded.without(new PluginInfo(id(jar), meta.name(), meta.version(), List.of(), jar,
                    PluginState.FAILED, error));
        }
        List<String> ids = providers.stream().map(PluginProvider::id).toList();
        return new Loaded(new PluginInfo(id(jar), meta.name(), meta.version(), ids, jar, PluginState.LOADED, null),
                loader, List.copyOf(providers));
    }

    private static PluginError loadProviders(String name, PluginClassLoader loader, Set<String> taken,
                                             List<PluginProvider> out) {
        Set<String> seen = new HashSet<>(taken);
        for (ServiceLoader.Provider<ProtocolProvider> found
                : ServiceLoader.load(ProtocolProvider.class, loader).stream().toList()) {
            if (found.type().getClassLoader() != loader) {
                continue;
            }
            ProtocolProvider provider = found.get();
            int version;
            try {
                version = provider.spiVersion();
            } catch (AbstractMethodError e) {
                return incompatible(name, "0.x");
            }
            if (!SpiVersion.isCompatible(version)) {
                return incompatible(name, SpiVersion.format(version));
            }
            PluginProvider guarded = new PluginProvider(provider);
            if (!seen.add(guarded.id())) {
                return new PluginError(Kind.DUPLICATE_PROTOCOL, guarded.id(), name + " offers protocol \""
                        + guarded.id() + "\", which another provider offers already");
            }
            out.add(guarded);
        }
        return null;
    }

    private static PluginError incompatible(String name, String pluginVersion) {
        String app = SpiVersion.format(SpiVersion.CURRENT);
        return new PluginError(Kind.INCOMPATIBLE_SPI, pluginVersion, name + " was built for plugin API "
                + pluginVersion + ", but this Switchboard has plugin API " + app + " (it runs plugins built for "
                + SpiVersion.MAJOR + ".0 to " + app + "). Install a version of the plugin built for " + app + ".");
    }

    private static Meta metaOrFileName(Path jar) {
        try {
            return meta(jar);
        } catch (IOException e) {
            return new Meta(id(jar), "");
        }
    }

    private static Meta meta(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String title = main.getValue(Attributes.Name.IMPLEMENTATION_TITLE);
            String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            return new Meta(title == null || title.isBlank() ? id(jar) : title.strip(),
                    version == null ? "" : version.strip());
        }
    }

    static void closeQuietly(PluginClassLoader loader) {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            // Only releases the open jar file; nothing else to do.
        }
    }
}
