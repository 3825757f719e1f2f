package org.switchboard.core.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.plugins.PluginError.Kind;
import org.switchboard.core.plugins.PluginInstallException.Reason;
import org.switchboard.core.provider.ProviderRegistry;
import org.switchboard.core.settings.Settings;
import org.switchboard.protocol.spi.ProtocolProvider;

/**
 * Loads the plugins folder into the {@link ProviderRegistry}. All loading, installing and removing
 * runs on one thread of its own, in order; each jar loads on a helper thread with a time limit,
 * so a plugin whose constructor hangs is reported and skipped instead of holding up the others.
 */
public final class PluginManager implements PluginService, AutoCloseable {

    /** Setting: file names of disabled plugins, separated by '/', which no file name contains. */
    public static final String DISABLED_SETTING = "plugins.disabled";
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);

    /** What a reload needs from the accounts' sessions. */
    public interface AccountSessions {
        /** Disconnects the accounts of these protocols; completes when they are down. */
        CompletableFuture<Void> stop(Set<String> protocolIds);

        /** Connects the enabled accounts of these protocols, and those whose protocol nothing speaks. */
        void start(Set<String> protocolIds);
    }

    private final Path folder;
    private final ProviderRegistry registry;
    private final ClassLoader app;
    private final Settings settings;
    private final AccountSessions sessions;
    private final Consumer<List<PluginInfo>> publish;
    private final Duration loadLimit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("switchboard-plugins").daemon(true).factory());
    private final ExecutorService loadThreads = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("switchboard-plugin-load-", 0).daemon(true).factory());
    private volatile List<PluginInfo> plugins = List.of();
    // Worker thread only:
    private volatile List<PluginClassLoader> loaders = List.of();
    private Set<String> protocolIds = Set.of();

    public PluginManager(Path folder, ProviderRegistry registry, ClassLoader app, Settings settings,
                         AccountSessions sessions, Consumer<List<PluginInfo>> publish) {
        this(folder, registry, app, settings, sessions, publish, LOAD_LIMIT);
    }

    /** @param loadLimit how long one jar may take to load before it is reported and skipped */
    PluginManager(Path folder, ProviderRegistry registry, ClassLoader app, Settings settings,
                  AccountSessions sessions, Consumer<List<PluginInfo>> publish, Duration loadLimit) {
        this.loadLimit = loadLimit;
        this.folder = folder.toAbsolutePath().normalize();
        this.registry = registry;
        this.app = app;
        this.settings = settings;
        this.sessions = sessions;
        this.publish = publish;
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public List<PluginInfo> plugins() {
        return plugins;
    }

    @Override
    public CompletableFuture<List<PluginInfo>> reload() {
        return CompletableFuture.supplyAsync(() -> {
            Set<String> before = unload();
            return load(before);
        }, worker);
    }

    @Override
    public CompletableFuture<PluginInfo> install(Path jar) {
        return CompletableFuture.supplyAsync(() -> {
            String id = copyIn(jar);
            Set<String> before = unload();
            return load(before).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        }, worker);
    }

    @Override
    public CompletableFuture<Void> setEnabled(String pluginId, boolean enabled) {
        return CompletableFuture.runAsync(() -> {
            Set<String> disabled = disabled();
            if (enabled ? disabled.remove(pluginId) : disabled.add(pluginId)) {
                settings.set(DISABLED_SETTING, disabled.isEmpty() ? null : String.join("/", disabled));
            }
            Set<String> before = unload();
            load(before);
        }, worker);
    }

    @Override
    public CompletableFuture<Void> remove(String pluginId) {
        return CompletableFuture.runAsync(() -> {
            Path jar = jarOf(pluginId);
            Set<String> before = unload();
            try {
                // After unloading: the class loader no longer holds the file open.
                Files.deleteIfExists(jar);
            } catch (IOException e) {
                load(before);
                throw new UncheckedIOException("Cannot delete " + jar + ": " + e.getMessage(), e);
            }
            Set<String> disabled = disabled();
            if (disabled.remove(pluginId)) {
                settings.set(DISABLED_SETTING, disabled.isEmpty() ? null : String.join("/", disabled));
            }
            load(before);
        }, worker);
    }

    private Path jarOf(String pluginId) {
        Path jar = folder.resolve(Objects.requireNonNull(pluginId, "pluginId")).normalize();
        if (!folder.equals(jar.getParent())) {
            throw new IllegalArgumentException("not a plugin of " + folder + ": " + pluginId);
        }
        return jar;
    }

    private Set<String> disabled() {
        return new TreeSet<>(settings.get(DISABLED_SETTING).stream()
                .flatMap(v -> Arrays.stream(v.split("/"))).filter(s -> !s.isBlank()).toList());
    }

    /** Stops the plugins' accounts and closes their class loaders; returns their protocol ids. */
    private Set<String> unload() {
        Set<String> before = protocolIds;
        if (!before.isEmpty()) {
            try {
                sessions.stop(before).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("plugin accounts did not all disconnect before the reload: {}", e.toString());
            }
        }
        registry.setPlugins(List.of());
        loaders.forEach(PluginJar::closeQuietly);
        loaders = List.of();
        protocolIds = Set.of();
        return before;
    }

    /** Loads every jar of the folder, publishes the result and restarts the affected accounts. */
    private List<PluginInfo> load(Set<String> before) {
        Set<String> disabled = disabled();
        Set<String> taken = new HashSet<>(registry.builtInIds());
        List<PluginInfo> infos = new ArrayList<>();
        List<PluginClassLoader> newLoaders = new ArrayList<>();
        List<ProtocolProvider> providers = new ArrayList<>();
        for (Path jar : jars()) {
            PluginJar.Loaded loaded = disabled.contains(PluginJar.id(jar)) ? PluginJar.disabled(jar)
                    : loadBounded(jar, Set.copyOf(taken));
            infos.add(loaded.info());
            if (loaded.loader() != null) {
                newLoaders.add(loaded.loader());
                providers.addAll(loaded.providers());
                taken.addAll(loaded.info().protocols());
            }
            loaded.info().failure().ifPresent(e -> LOG.warn("plugin {} failed: {}", jar, e.message()));
        }
        registry.setPlugins(providers);
        loaders = List.copyOf(newLoaders);
        protocolIds = Set.copyOf(providers.stream().map(ProtocolProvider::id).toList());
        plugins = List.copyOf(infos);
        publish.accept(plugins);
        Set<String> affected = new HashSet<>(before);
        affected.addAll(protocolIds);
        sessions.start(affected);
        return plugins;
    }

    private PluginJar.Loaded loadBounded(Path jar, Set<String> taken) {
        CompletableFuture<PluginJar.Loaded> loading = CompletableFuture.supplyAsync(
                () -> PluginJar.load(jar, app, taken), loadThreads);
        try {
            return loading.get(loadLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // If it ever finishes, nobody uses it: release its jar.
            loading.thenAccept(late -> PluginJar.closeQuietly(late.loader()));
            String seconds = Long.toString(Math.max(1, loadLimit.toSeconds()));
            return PluginJar.failed(jar, new PluginError(Kind.TIMEOUT, seconds,
                    PluginJar.id(jar) + " did not finish loading within " + seconds + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (ExecutionException e) {
            return PluginJar.failed(jar, new PluginError(Kind.PROVIDER_FAILED, e.getCause().toString(),
                    PluginJar.id(jar) + " failed to load: " + e.getCause()));
        }
    }

    /** The regular {@code .jar} files directly in the folder; links and subfolders are not followed. */
    private List<Path> jars() {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".jar")
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
        } catch (IOException e) {
            LOG.error("cannot read the plugins folder {}", folder, e);
            return List.of();
        }
    }

    private String copyIn(Path jar) {
        String id = jar.getFileName() == null ? "" : jar.getFileName().toString();
        if (!id.endsWith(".jar") || !Files.isRegularFile(jar)) {
            throw new CompletionException(new PluginInstallException(Reason.NOT_A_JAR, jar + " is not a jar file", null));
        }
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // Opening it proves it is a readable jar.
        } catch (IOException e) {
            throw new CompletionException(new PluginInstallException(Reason.NOT_A_JAR,
                    jar + " is not a readable jar: " + e.getMessage(), e));
        }
        Path target = folder.resolve(id);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CompletionException(new PluginInstallException(Reason.ALREADY_INSTALLED,
                    "A plugin named " + id + " is installed already; remove it first", null));
        }
        Path part = folder.resolve("." + id + ".part");
        try {
            Files.createDirectories(folder);
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            // A half-copied jar must never be seen by a reload: move it in whole.
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // Left behind; not a .jar, so never loaded.
            }
            throw new CompletionException(new PluginInstallException(Reason.COPY_FAILED,
                    "Cannot copy " + jar + " into " + folder + ": " + e.getMessage(), e));
        }
        return id;
    }

    /** Stops loading and releases the plugins' jars; call after their sessions are closed. */
    @Override
    public void close() {
        worker.shutdownNow();
        loadThreads.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.setPlugins(List.of());
        loaders.forEach(PluginJar::closeQuietly);
    }
}
