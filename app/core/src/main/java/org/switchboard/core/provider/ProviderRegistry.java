package org.switchboard.core.provider;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.spi.EmbeddedServerProvider;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.SpiVersion;

/**
 * The protocol providers the app can use, found with {@link ServiceLoader} in one or more
 * class loaders (the application's, and any added with {@link #addLoader}), plus the plugins
 * folder's, which {@code PluginManager} loads and hands over with {@link #setPlugins}. A provider
 * that fails to load or was built for another SPI is logged and left out, never fatal.
 */
public final class ProviderRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final List<ClassLoader> loaders = new CopyOnWriteArrayList<>();
    private volatile List<ProtocolProvider> plugins = List.of();
    private volatile Map<String, ProtocolProvider> builtIn = Map.of();
    private volatile Map<String, ProtocolProvider> providers = Map.of();

    public ProviderRegistry(ClassLoader applicationLoader) {
        loaders.add(applicationLoader);
        refresh();
    }

    /** Adds a class loader (a plugin jar's) and loads its providers; the first id found wins. */
    public void addLoader(ClassLoader loader) {
        loaders.add(loader);
        refresh();
    }

    /**
     * Replaces the providers of the plugins folder, which the plugin service loaded and checked
     * (SPI version, unique ids) itself. Providers of the class loaders win over them.
     */
    public void setPlugins(List<? extends ProtocolProvider> pluginProviders) {
        plugins = List.copyOf(pluginProviders);
        combine();
    }

    /** The ids of the providers found on the class path, not in plugins. */
    public java.util.Set<String> builtInIds() {
        return builtIn.keySet();
    }

    private synchronized void refresh() {
        Map<String, ProtocolProvider> found = new LinkedHashMap<>();
        for (ClassLoader loader : loaders) {
            for (ProtocolProvider provider : load(ProtocolProvider.class, loader)) {
                if (!SpiVersion.isCompatible(provider.spiVersion())) {
                    LOG.warn("Ignoring protocol provider {} ({}): built for SPI {}, this app has {}",
                            provider.id(), provider.getClass().getName(), SpiVersion.format(provider.spiVersion()),
                            SpiVersion.format(SpiVersion.CURRENT));
                    continue;
                }
                ProtocolProvider earlier = found.putIfAbsent(provider.id(), provider);
                // A plugin loader also sees its parent's providers; those are the same classes.
                if (earlier != null && earlier.getClass() != provider.getClass()) {
                    LOG.warn("Ignoring a second protocol provider with id {}: {}", provider.id(),
                            provider.getClass().getName());
                }
            }
        }
        builtIn = java.util.Collections.unmodifiableMap(found);
        combine();
    }

    private synchronized void combine() {
        Map<String, ProtocolProvider> found = new LinkedHashMap<>(builtIn);
        for (ProtocolProvider plugin : plugins) {
            if (found.putIfAbsent(plugin.id(), plugin) != null) {
                LOG.warn("Ignoring plugin provider {}: the id is taken", plugin.id());
            }
        }
        providers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(found));
    }

    public List<ProtocolProvider> all() {
        return List.copyOf(providers.values());
    }

    public Optional<ProtocolProvider> find(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /** The embedded server for a protocol, from the same class loaders. */
    public Optional<EmbeddedServerProvider> embeddedServer(String protocolId) {
        for (ClassLoader loader : loaders) {
            for (EmbeddedServerProvider p : load(EmbeddedServerProvider.class, loader)) {
                if (p.protocolId().equals(protocolId)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Loads every implementation that can be loaded, skipping (and logging) the broken ones. */
    static <S> List<S> load(Class<S> service, ClassLoader loader) {
        List<S> result = new ArrayList<>();
        Iterator<S> it = ServiceLoader.load(service, loader).iterator();
        // A broken configuration file can make hasNext() fail again and again; stop somewhere.
        for (int errors = 0; errors < 100; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                result.add(it.next());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errors++;
                LOG.warn("Ignoring a {} that failed to load: {}", service.getSimpleName(), e.toString());
            }
        }
        return result;
    }
}
