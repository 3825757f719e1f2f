package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.contact.Person;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.desktop.SwitchboardApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real window, headless: start in demo mode on a new profile, open the echo contact, send a
 * message with the keyboard, see the reply; restart on the same profile and see the history.
 */
class DemoChatUiTest {

    @TempDir
    Path profile;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    private void launch() throws Exception {
        app = FxToolkit.setupApplication(SwitchboardApp.class,
                "--profile", profile.toString(), "--demo", "on", "--language", "en");
    }

    @SuppressWarnings("unchecked")
    private ListView<Person> roster() {
        return robot.lookup("#roster").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<StoredMessage> messages() {
        TabPane tabs = robot.lookup("#conversations").queryAs(TabPane.class);
        return (ListView<StoredMessage>) onFx(() -> tabs.getSelectionModel().getSelectedItem()
                .getContent().lookup("#messages"));
    }

    private void openChatWith(String handle) {
        until(30, () -> roster().getItems().stream().anyMatch(p -> p.displayName().equals(handle)
                && p.presence().availability().isOnline()));
        // The list's items change before its cells are laid out: wait for the cell too.
        until(10, () -> robot.lookup(".person-name")
                .match((javafx.scene.control.Label l) -> handle.equals(l.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".person-name").match(
                (javafx.scene.control.Label l) -> handle.equals(l.getText())).queryLabeled());
        until(10, () -> robot.lookup("#messageInput").tryQuery().isPresent());
    }

    private boolean shows(String body) {
        return onFx(() -> messages().getItems().stream().anyMatch(m -> m.body().equals(body)));
    }

    @Test
    void chatWithTheEchoContactAndFindTheHistoryAfterARestart() throws Exception {
        launch();
        openChatWith("echo");

        robot.clickOn("#messageInput").write("Hello from the test");
        robot.type(KeyCode.ENTER);

        until(30, () -> shows("Echo: Hello from the test"));
        assertThat(shows("Hello from the test")).isTrue();
        assertThat(onFx(() -> robot.lookup("#messageInput").queryTextInputControl().getText())).isEmpty();

        FxToolkit.cleanupApplication(app);
        app = null;
        launch();
        openChatWith("echo");

        until(30, () -> shows("Echo: Hello from the test"));
        assertThat(shows("Hello from the test")).isTrue();
    }

    @Test
    void shiftEnterStartsANewLineInsteadOfSending() throws Exception {
        launch();
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
                && m.direction() == org.switchboard.protocol.model.Direction.INCOMING));
    }
}
