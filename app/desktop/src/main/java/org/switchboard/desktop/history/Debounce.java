package org.switchboard.desktop.history;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Runs an action once input has been quiet for a moment; every new call restarts the wait. */
final class Debounce {

    private final PauseTransition pause;

    Debounce(Duration quiet, Runnable action) {
        pause = new PauseTransition(quiet);
        pause.setOnFinished(e -> action.run());
    }

    void restart() {
        pause.playFromStart();
    }

    void stop() {
        pause.stop();
    }
}
