package org.switchboard.desktop.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.plugins.PluginInstallException;
import org.switchboard.core.plugins.PluginState;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.TestPlugins;
import org.switchboard.desktop.ui.UiThread;

/** The Plugins page's model against a real core, with an ordinary thread playing the UI thread. */
class PluginsViewModelTest {

    @TempDir
    Path profile;
    @TempDir
    Path downloads;

    private TestCore app;
    private UiThread ui;
    private PluginsViewModel model;

    @BeforeEach
    void open() throws Exception {
        app = TestCore.open(profile, DemoMode.OFF);
        ui = new UiThread();
        app.core().subscribe(ui.bridge());
        app.core().start().join();
        model = ui.call(() -> new PluginsViewModel(app.core().plugins(), ui.bridge()));
    }

    @AfterEach
    void close() throws Exception {
        ui.run(() -> {
            try {
                model.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ui.close();
        app.close();
    }

    @Test
    void installingABrokenPluginListsItWithItsErrorAndANonJarSaysWhy() throws Exception {
        Path broken = TestPlugins.throwingConstructor(downloads.resolve("broken.jar"));

        ui.call(() -> model.install(broken)).join();

        assertThat(ui.call(() -> model.plugins().size())).isEqualTo(1);
        assertThat(ui.call(() -> model.plugins().getFirst().state())).isEqualTo(PluginState.FAILED);
        assertThat(ui.call(() -> model.failure().get())).as("a broken plugin installs fine").isNull();
        assertThat(ui.call(() -> model.busy().get())).isFalse();

        Path notes = Files.writeString(downloads.resolve("notes.txt"), "not a jar");
        ui.call(() -> model.install(notes)).join();

        assertThat(ui.call(() -> model.failure().get())).isInstanceOfSatisfying(PluginInstallException.class,
                e -> assertThat(e.reason()).isEqualTo(PluginInstallException.Reason.NOT_A_JAR));
        assertThat(Files.list(profile.resolve("plugins")).map(p -> p.getFileName().toString()))
                .containsExactly("broken.jar");
    }
}
