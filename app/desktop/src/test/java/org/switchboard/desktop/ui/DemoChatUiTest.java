package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The real window, headless: start in demo mode on a new profile, open the echo contact, send a
 * message with the keyboard, see the reply; restart on the same profile and see the history.
 */
class DemoChatUiTest extends AppUiTest {


    private void startDemo() throws Exception {
        launch("--demo", "on", "--language", "en");
    }

    private boolean shows(String body) {
        return onFx(() -> messages().getItems().stream().anyMatch(m -> m.body().equals(body)));
    }

    @Test
    void chatWithTheEchoContactAndFindTheHistoryAfterARestart() throws Exception {
        startDemo();
        openChatWith("echo");

        robot.clickOn("#messageInput").write("Hello from the test");
        robot.type(KeyCode.ENTER);

        until(30, () -> shows("Echo: Hello from the test"));
        assertThat(shows("Hello from the test")).isTrue();
        assertThat(onFx(() -> robot.lookup("#messageInput").queryTextInputControl().getText())).isEmpty();

        stop();
        startDemo();
        openChatWith("echo");

        until(30, () -> shows("Echo: Hello from the test"));
        assertThat(shows("Hello from the test")).isTrue();
    }

    @Test
    void shiftEnterStartsANewLineInsteadOfSending() throws Exception {
        startDemo();
        openChatWith("xiaoming");

        // Opening a conversation puts the caret in its input: the user types at once.
        until(5, () -> robot.lookup("#messageInput").query().isFocused());
        robot.write("line one");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        robot.write("line two");

        assertThat(onFx(() -> robot.lookup("#messageInput").queryTextInputControl().getText()))
                .isEqualTo("line one\nline two");
        robot.type(KeyCode.ENTER);
        until(30, () -> messages().getItems().stream().anyMatch(m -> m.body().contains("line one\nline two")
                && m.message().direction() == org.switchboard.protocol.model.Direction.INCOMING));
    }
}
