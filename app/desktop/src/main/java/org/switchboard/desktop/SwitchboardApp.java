package org.switchboard.desktop;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.CoreOptions;
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.settings.Settings;
import org.switchboard.desktop.fx.FxEventBridge;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.main.MainViewModel;
import org.switchboard.desktop.main.MainWindow;
import org.switchboard.desktop.theme.Theme;

/**
 * The JavaFX application. The profile is opened in {@link #init()} (on the launcher thread, so
 * disk work stays off the FX thread); the window is shown first and accounts connect after.
 */
public final class SwitchboardApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardApp.class);

    private LaunchOptions options;
    private SwitchboardCore core;
    private IOException openFailure;
    private MainViewModel model;
    private AutoCloseable subscription;

    @Override
    public void init() {
        options = LaunchOptions.parse(getParameters().getRaw().toArray(String[]::new))
                .orElseThrow(() -> new IllegalArgumentException("bad command line"));
        CoreOptions coreOptions = options.coreOptions();
        try {
            Optional<SwitchboardCore> opened = EarlyCoreOpen.take(coreOptions);
            core = opened.isPresent() ? opened.get() : EarlyCoreOpen.open(coreOptions);
        } catch (IOException e) {
            LOG.error("Cannot open profile {}", coreOptions.profile(), e);
            openFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        Settings settings = core == null ? null : core.settings();
        String language = options.language()
                .orElseGet(() -> settings == null ? "system" : settings.get(Settings.LANGUAGE, "system"));
        I18n i18n = new I18n(I18n.localeFor(language, Locale.getDefault()));
        Theme.fromSetting(settings == null ? "light" : settings.get(Settings.THEME, "light")).apply();

        if (core == null) {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle(i18n.text("app.name"));
            alert.setHeaderText(i18n.text("profile.openFailed"));
            alert.setContentText(Objects.toString(openFailure.getMessage()));
            alert.showAndWait();
            return;
        }

        FxEventBridge bridge = FxEventBridge.forJavaFx();
        model = new MainViewModel(core, bridge);
        MainWindow window = new MainWindow(model, i18n, stage);
        subscription = core.subscribe(bridge);
        window.show();
        core.start().whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                LOG.error("Start-up failed", failure);
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                window.dialogs().showError(i18n.text("startup.failed"), String.valueOf(cause.getMessage()));
            }
        }, bridge.fx());
    }

    @Override
    public void stop() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        if (model != null) {
            model.close();
        }
        if (core != null) {
            // Closing flushes history and logs out; bounded, so a dead network cannot hold the exit.
            CompletableFuture.runAsync(core::close).get(10, TimeUnit.SECONDS);
        }
    }

    /** The core of the running app (for tests that drive the real window). */
    SwitchboardCore core() {
        return core;
    }
}
