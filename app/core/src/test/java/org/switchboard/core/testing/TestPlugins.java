package org.switchboard.core.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Plugin jars for tests: a provider's source with its behaviour filled in. The sessions these
 * providers open fail or never connect; tests that need a working plugin use the line-chat sample.
 */
public final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * The source of a provider class {@code pkg.Provider} with protocol id {@code id}.
     *
     * @param spiVersion  the expression spiVersion() returns, e.g. {@code "SpiVersion.CURRENT"}
     * @param constructor statements of the constructor
     * @param open        statements of open(config, listener), which must return or throw
     */
    public static String provider(String pkg, String id, String displayName, String spiVersion,
                                  String constructor, String open) {
        return """
                package %s;

                import java.util.List;
                import java.util.Locale;
                import org.switchboard.protocol.spi.*;

                public final class Provider implements ProtocolProvider {
                    public Provider() {
                        %s
                    }
                    @Override public String id() { return "%s"; }
                    @Override public String displayName(Locale locale) { return %s; }
                    @Override public AccountSchema accountSchema() {
                        return new AccountSchema(List.of(AccountField.Text.required("user"),
                                AccountField.Text.optional("mode", "")), "user");
                    }
                    @Override public int spiVersion() { return %s; }
                    @Override public ProtocolSession open(AccountConfig config, SessionListener listener) {
                        %s
                    }
                }
                """.formatted(pkg, constructor, id, displayName, spiVersion, open);
    }

    /** A plugin whose provider works as far as loading goes; its sessions cannot be opened. */
    public static Path working(Path jar, String title, String id) throws IOException {
        String pkg = "test.plugin.p_" + id.replace('-', '_');
        return PluginJarBuilder.plugin(title, "1.2.3")
                .source(pkg + ".Provider", provider(pkg, id, "\"" + title + "\"", "SpiVersion.CURRENT", "",
                        "throw new IllegalStateException(\"this test plugin opens no sessions\");"))
                .provider(pkg + ".Provider").writeTo(jar);
    }

    /** A plugin whose provider's constructor throws. */
    public static Path throwingConstructor(Path jar) throws IOException {
        return PluginJarBuilder.plugin("Broken constructor", "0.1")
                .source("test.plugin.broken.Provider", provider("test.plugin.broken", "broken", "\"Broken\"",
                        "SpiVersion.CURRENT", "throw new IllegalStateException(\"the constructor refuses to work\");",
                        "return null;"))
                .provider("test.plugin.broken.Provider").writeTo(jar);
    }

    /** A plugin built for a later, incompatible SPI (major version 2). */
    public static Path wrongSpiVersion(Path jar) throws IOException {
        return PluginJarBuilder.plugin("From the future", "9.0")
                .source("test.plugin.future.Provider", provider("test.plugin.future", "future", "\"Future\"",
                        "2_000", "", "return null;"))
                .provider("test.plugin.future.Provider").writeTo(jar);
    }
}
