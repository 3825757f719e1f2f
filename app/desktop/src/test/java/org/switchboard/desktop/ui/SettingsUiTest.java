package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import atlantafx.base.theme.PrimerDark;
import java.nio.file.Files;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Theme and language chosen in the settings dialog: the theme at once, the language at the next start. */
class SettingsUiTest extends AppUiTest {


    @AfterEach
    void restoreTheLightTheme() {
        onFx(() -> {
            org.switchboard.desktop.theme.Theme.LIGHT.apply();
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private <T> void choose(String selector, T value) {
        ChoiceBox<T> box = robot.lookup(selector).queryAs(ChoiceBox.class);
        robot.clickOn(box);
        String text = onFx(() -> box.getConverter().toString(value));
        robot.clickOn(robot.lookup(".context-menu .label").match((Label l) -> text.equals(l.getText())).queryLabeled());
        until(5, () -> value.equals(box.getValue()));
    }

    @Test
    void darkThemeAppliesAtOnceAndChineseAfterARestart() throws Exception {
        launch("--demo", "off");
        until(10, () -> robot.lookup("#mainWindow").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        until(10, () -> robot.lookup("#settingsDialog").tryQuery().isPresent());
        choose("#themeChoice", org.switchboard.desktop.theme.Theme.DARK);
        choose("#languageChoice", "zh-CN");
        robot.clickOn(robot.lookup("#settingsDialog .button").match((Button b) -> "OK".equals(b.getText())).queryButton());

        until(5, () -> new PrimerDark().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet()));
        until(10, () -> Files.exists(profile.resolve("settings.json"))
                && Files.readString(profile.resolve("settings.json")).contains("zh-CN"));

        stop();
        launch("--demo", "off");
        until(10, () -> robot.lookup("#rosterFilter").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#rosterFilter").queryTextInputControl().getPromptText()))
                .isEqualTo("搜索联系人（Ctrl+K）");
        assertThat(onFx(Application::getUserAgentStylesheet)).isEqualTo(new PrimerDark().getUserAgentStylesheet());
    }
}
