package org.switchboard.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.PluginsChanged;
import org.switchboard.core.testing.PluginJarBuilder;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.TestPlugins;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.SpiVersion;

/** Real jars in a real profile's plugins folder, loaded by a real core. */
class PluginServiceTest {

    @TempDir
    Path profile;
    @TempDir
    Path elsewhere;

    private TestCore app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    private Path pluginsDir() {
        return profile.resolve("plugins");
    }

    private List<PluginInfo> start() throws Exception {
        app = TestCore.open(profile, DemoMode.OFF);
        app.core().start().join();
        return app.core().plugins().plugins();
    }

    private List<String> protocolIds() {
        return app.core().accounts().providers().stream().map(ProtocolProvider::id).toList();
    }

    @Test
    void aJarInThePluginsFolderAddsItsProtocolWithTheManifestsNameAndVersion() throws Exception {
        TestPlugins.working(pluginsDir().resolve("smoke.jar"), "Smoke signals", "smoke");

        List<PluginInfo> plugins = start();

        assertThat(plugins).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PluginState.LOADED);
            assertThat(p.name()).isEqualTo("Smoke signals");
            assertThat(p.version()).isEqualTo("1.2.3");
            assertThat(p.protocols()).containsExactly("smoke");
            assertThat(p.location()).isEqualTo(pluginsDir().resolve("smoke.jar").toAbsolutePath());
            assertThat(p.failure()).isEmpty();
        });
        assertThat(protocolIds()).contains("smoke", "native");
        app.events().await(PluginsChanged.class, e -> e.plugins().equals(plugins));
    }

    @Test
    void brokenPluginsAreReportedWhileTheOthersLoad() throws Exception {
        TestPlugins.throwingConstructor(pluginsDir().resolve("a-broken.jar"));
        TestPlugins.wrongSpiVersion(pluginsDir().resolve("b-future.jar"));
        Files.writeString(pluginsDir().resolve("c-not-a-jar.jar"), "this is text");
        TestPlugins.working(pluginsDir().resolve("d-good.jar"), "Good", "good");
        PluginJarBuilder.plugin(null, null).writeTo(pluginsDir().resolve("e-empty.jar"));

        List<PluginInfo> plugins = start();

        assertThat(plugins).extracting(PluginInfo::id)
                .containsExactly("a-broken.jar", "b-future.jar", "c-not-a-jar.jar", "d-good.jar", "e-empty.jar");
        assertThat(plugins.get(0).state()).isEqualTo(PluginState.FAILED);
        assertThat(plugins.get(0).error().kind()).isEqualTo(PluginError.Kind.PROVIDER_FAILED);
        assertThat(plugins.get(0).error().message()).contains("the constructor refuses to work");
        assertThat(plugins.get(1).error().kind()).isEqualTo(PluginError.Kind.INCOMPATIBLE_SPI);
        assertThat(plugins.get(1).error().detail()).isEqualTo("2.0");
        assertThat(plugins.get(1).error().message()).contains("From the future", "2.0",
                SpiVersion.format(SpiVersion.CURRENT));
        assertThat(plugins.get(2).error().kind()).isEqualTo(PluginError.Kind.UNREADABLE);
        assertThat(plugins.get(2).name()).isEqualTo("c-not-a-jar.jar");
        assertThat(plugins.get(3).state()).isEqualTo(PluginState.LOADED);
        assertThat(plugins.get(4).error().kind()).isEqualTo(PluginError.Kind.NO_PROVIDER);
        assertThat(plugins.get(4).name()).as("no title in the manifest: the file name").isEqualTo("e-empty.jar");
        assertThat(protocolIds()).contains("good").doesNotContain("broken", "future");
    }

    @Test
    void aPluginCannotTakeTheIdOfABuiltInProtocol() throws Exception {
        TestPlugins.working(pluginsDir().resolve("impostor.jar"), "Impostor", "native");

        PluginInfo impostor = start().getFirst();

        assertThat(impostor.state()).isEqualTo(PluginState.FAILED);
        assertThat(impostor.error().kind()).isEqualTo(PluginError.Kind.DUPLICATE_PROTOCOL);
        assertThat(app.core().accounts().providers()).filteredOn(p -> p.id().equals("native"))
                .singleElement().extracting(p -> p.displayName(Locale.ENGLISH)).isNotEqualTo("Impostor");
    }

    /** Each jar has its own class loader: the same library class in two versions, and no app internals. */
    @Test
    void twoPluginsCarryDifferentVersionsOfTheSameLibrary() throws Exception {
        for (String version : List.of("1", "2")) {
            String pkg = "test.plugin.v" + version;
            PluginJarBuilder.plugin("Library user " + version, version)
                    .source("com.example.lib.Greeting", """
                            package com.example.lib;
                            public final class Greeting {
                                public static String version() { return "library %s"; }
                            }
                            """.formatted(version))
                    .source(pkg + ".Provider", TestPlugins.provider(pkg, "lib" + version,
                            "com.example.lib.Greeting.version() + (sees(\"org.switchboard.core.SwitchboardCore\")"
                                    + " || sees(\"com.fasterxml.jackson.databind.ObjectMapper\") ? \" sees the app\" : \"\")",
                            "SpiVersion.CURRENT", "", "return null; } static boolean sees(String name) {"
                                    + " try { Class.forName(name); return true; } catch (ClassNotFoundException e) {"
                                    + " return false; }"))
                    .provider(pkg + ".Provider").writeTo(pluginsDir().resolve("lib" + version + ".jar"));
        }

        start();

        assertThat(app.core().accounts().providers()).filteredOn(p -> p.id().startsWith("lib"))
                .extracting(p -> p.id() + ": " + p.displayName(Locale.ENGLISH))
                .containsExactlyInAnyOrder("lib1: library 1", "lib2: library 2");
    }

    @Test
    void installDisableEnableAndRemove() throws Exception {
        start();
        Path jar = TestPlugins.working(elsewhere.resolve("smoke.jar"), "Smoke signals", "smoke");

        PluginInfo installed = app.core().plugins().install(jar).join();

        assertThat(installed.state()).isEqualTo(PluginState.LOADED);
        assertThat(installed.location()).isEqualTo(pluginsDir().resolve("smoke.jar").toAbsolutePath());
        assertThat(Files.exists(jar)).as("the chosen file stays where it was").isTrue();
        assertThat(protocolIds()).contains("smoke");
        assertInstallFails(jar, PluginInstallException.Reason.ALREADY_INSTALLED);
        Path text = Files.writeString(elsewhere.resolve("notes.txt"), "not a plugin");
        assertInstallFails(text, PluginInstallException.Reason.NOT_A_JAR);

        app.core().plugins().setEnabled("smoke.jar", false).join();
        assertThat(app.core().plugins().plugins()).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(PluginState.DISABLED));
        assertThat(protocolIds()).doesNotContain("smoke");
        app.events().await(PluginsChanged.class, e -> e.plugins().stream()
                .anyMatch(p -> p.state() == PluginState.DISABLED));

        app.close();
        app = null;
        assertThat(start()).as("disabled stays disabled after a restart").singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(PluginState.DISABLED));

        app.core().plugins().setEnabled("smoke.jar", true).join();
        assertThat(protocolIds()).contains("smoke");

        app.core().plugins().remove("smoke.jar").join();
        assertThat(app.core().plugins().plugins()).isEmpty();
        assertThat(pluginsDir().resolve("smoke.jar")).doesNotExist();
        assertThat(protocolIds()).doesNotContain("smoke");
    }

    private void assertInstallFails(Path jar, PluginInstallException.Reason reason) {
        assertThatThrownBy(() -> app.core().plugins().install(jar).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(PluginInstallException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void onlyTheProfilesFolderIsSearchedAndLinksAreNotFollowed() throws Exception {
        Path outside = TestPlugins.working(elsewhere.resolve("outside.jar"), "Outside", "outside");
        Files.createDirectories(pluginsDir());
        Files.createSymbolicLink(pluginsDir().resolve("link.jar"), outside);

        assertThat(start()).isEmpty();
        assertThat(protocolIds()).doesNotContain("outside");
    }
}
