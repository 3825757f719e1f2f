package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import javafx.application.Preloader.StateChangeNotification;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.desktop.OpeningPreloader;
import org.testfx.api.FxToolkit;

/**
 * The window that says the history is being opened stays hidden through a quick start, shows
 * when opening takes long, and goes once the app starts.
 */
class OpeningPreloaderTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void showsOnlyWhileALongOpeningKeepsTheAppFromStarting() throws Exception {
        Stage stage = FxToolkit.registerStage(Stage::new);
        OpeningPreloader preloader = new OpeningPreloader();
        onFx(() -> {
            preloader.start(stage);
            return null;
        });
        assertThat(onFx(stage::isShowing)).as("a quick start sees nothing").isFalse();

        until(10, stage::isShowing);
        assertThat(onFx(() -> ((Label) stage.getScene().lookup("#openingPreloader .label")).getText()))
                .isNotBlank();

        onFx(() -> {
            preloader.handleStateChangeNotification(
                    new StateChangeNotification(StateChangeNotification.Type.BEFORE_START));
            return null;
        });
        assertThat(onFx(stage::isShowing)).isFalse();
    }
}
