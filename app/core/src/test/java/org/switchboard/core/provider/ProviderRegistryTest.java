package org.switchboard.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.protocol.spi.ProtocolProvider;

class ProviderRegistryTest {

    @TempDir
    Path plugin;

    @Test
    void findsTheNativeProviderAndItsEmbeddedServer() {
        ProviderRegistry registry = new ProviderRegistry(getClass().getClassLoader());

        assertThat(registry.find("native")).isPresent();
        assertThat(registry.embeddedServer("native")).isPresent();
        assertThat(registry.embeddedServer("smoke-signals")).isEmpty();
    }

    @Test
    void leavesOutProvidersOfAnotherSpiAndOnesThatFailToLoad() throws Exception {
        Path services = plugin.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ProtocolProvider.class.getName()),
                FutureSpiProvider.class.getName() + "\norg.switchboard.missing.NoSuchProvider\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()},
                getClass().getClassLoader())) {
            ProviderRegistry registry = new ProviderRegistry(getClass().getClassLoader());
            registry.addLoader(loader);

            assertThat(registry.find("future")).isEmpty();
            assertThat(registry.find("native")).isPresent();
            assertThat(registry.all()).extracting(ProtocolProvider::id).doesNotHaveDuplicates();
        }
    }
}
