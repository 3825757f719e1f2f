package org.switchboard.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.provider.ProviderRegistry;
import org.switchboard.core.store.SettingsStore;
import org.switchboard.core.testing.PluginJarBuilder;
import org.switchboard.core.testing.TestPlugins;

/** A provider whose constructor never returns is reported after the limit; the other plugins load. */
class PluginLoadLimitTest {

    @TempDir
    Path dir;

    /** Records what a reload asks of the sessions; there are no accounts here. */
    private static final class NoAccounts implements PluginManager.AccountSessions {
        final List<Set<String>> started = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> stop(Set<String> protocolIds) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void start(Set<String> protocolIds) {
            started.add(protocolIds);
        }
    }

    @Test
    void aHangingConstructorIsReportedAndSkipped() throws Exception {
        Path plugins = dir.resolve("plugins");
        PluginJarBuilder.plugin("Hangs", "1")
                .source("test.plugin.hangs.Provider", TestPlugins.provider("test.plugin.hangs", "hangs", "\"Hangs\"",
                        "SpiVersion.CURRENT", "try { new java.util.concurrent.CountDownLatch(1).await(); }"
                                + " catch (InterruptedException e) { Thread.currentThread().interrupt(); }",
                        "return null;"))
                .provider("test.plugin.hangs.Provider").writeTo(plugins.resolve("a-hangs.jar"));
        TestPlugins.working(plugins.resolve("b-good.jar"), "Good", "good");
        ClassLoader app = getClass().getClassLoader();
        ProviderRegistry registry = new ProviderRegistry(app);
        NoAccounts accounts = new NoAccounts();
        List<List<PluginInfo>> published = new CopyOnWriteArrayList<>();

        try (PluginManager manager = new PluginManager(plugins, registry, app,
                SettingsStore.open(dir.resolve("settings.json"), Runnable::run), accounts, published::add,
                Duration.ofMillis(500))) {
            List<PluginInfo> loaded = manager.reload().join();

            assertThat(loaded).extracting(PluginInfo::state).containsExactly(PluginState.FAILED, PluginState.LOADED);
            assertThat(loaded.getFirst().error().kind()).isEqualTo(PluginError.Kind.TIMEOUT);
            assertThat(registry.find("good")).isPresent();
            assertThat(registry.find("hangs")).isEmpty();
            assertThat(published).containsExactly(loaded);
            assertThat(accounts.started).containsExactly(Set.of("good"));
        }
    }
}
