package org.switchboard.desktop;

import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Preloader;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;
import org.switchboard.desktop.i18n.I18n;

/**
 * Says that the history is being opened when opening the profile takes long: a large history
 * being checked at start, or upgraded once to a new schema (about ten seconds for a million
 * messages), happens before the main window exists. Quick starts never see it.
 */
public final class OpeningPreloader extends Preloader {

    /** Longer than a usual start, so the window only appears when there is something to wait for. */
    static final Duration SHOW_AFTER = Duration.millis(1500);

    private Stage stage;
    private PauseTransition delay;
    private boolean started;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        String[] args = getParameters() == null ? new String[0] : getParameters().getRaw().toArray(String[]::new);
        String language = LaunchOptions.parse(args).flatMap(LaunchOptions::language).orElse("system");
        I18n i18n = new I18n(I18n.localeFor(language, Locale.getDefault()));
        ProgressIndicator spinner = new ProgressIndicator();
        Label text = new Label(i18n.text("opening.history"));
        VBox root = new VBox(12, spinner, text);
        root.setId("openingPreloader");
        root.setPadding(new Insets(24));
        root.setStyle("-fx-alignment: center");
        stage.initStyle(StageStyle.UTILITY);
        stage.setTitle(i18n.text("app.name"));
        stage.setScene(new Scene(root));
        delay = new PauseTransition(SHOW_AFTER);
        delay.setOnFinished(e -> {
            if (!started) {
                stage.show();
            }
        });
        delay.play();
    }

    @Override
    public void handleStateChangeNotification(StateChangeNotification notification) {
        if (notification.getType() == StateChangeNotification.Type.BEFORE_START) {
            started = true;
            delay.stop();
            stage.hide();
        }
    }
}
