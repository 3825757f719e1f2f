package org.switchboard.desktop.ui;

import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;

/**
 * The toolkit's stage outlives each app under test, so windows it owns (dialogs, the search
 * window) would outlive the app too and take the keyboard from the next test.
 */
final class LeftoverWindows {

    private LeftoverWindows() {
    }

    static void hide() {
        Stage primary = FxToolkit.toolkitContext().getRegisteredStage();
        FxWait.onFx(() -> {
            List.copyOf(Window.getWindows()).stream().filter(w -> w != primary).forEach(Window::hide);
            return null;
        });
    }
}
