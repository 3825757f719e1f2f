package org.switchboard.desktop.ui;

import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.contact.Person;
import org.switchboard.desktop.chat.ChatLine;
import org.switchboard.desktop.SwitchboardApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every UI test starts from: the real app, headless, on a throw-away profile, stopped after
 * each test with any window it left open; plus the lookups most tests need.
 */
abstract class AppUiTest {

    @TempDir
    protected Path profile;

    protected final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeAll
    static void registerStage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopAppAndItsWindows() throws Exception {
        stop();
        LeftoverWindows.hide();
    }

    /** Starts the app on {@link #profile} with these further arguments. */
    protected void launch(String... args) throws Exception {
        app = FxToolkit.setupApplication(SwitchboardApp.class,
                Stream.concat(Stream.of("--profile", profile.toString()), Arrays.stream(args)).toArray(String[]::new));
    }

    /** Stops the app as closing its window does; a later {@link #launch} restarts it on the same profile. */
    protected void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    @SuppressWarnings("unchecked")
    protected ListView<Person> roster() {
        return robot.lookup("#roster").queryAs(ListView.class);
    }

    protected TabPane tabs() {
        return robot.lookup("#conversations").queryAs(TabPane.class);
    }

    /** The message list of the selected conversation tab. */
    @SuppressWarnings("unchecked")
    protected ListView<ChatLine> messages() {
        TabPane tabs = tabs();
        return (ListView<ChatLine>) onFx(() -> tabs.getSelectionModel().getSelectedItem()
                .getContent().lookup("#messages"));
    }

    protected void clickButton(String parentSelector, String text) {
        robot.clickOn(robot.lookup(parentSelector + " .button").match((Button b) -> text.equals(b.getText()))
                .queryButton());
    }

    /** Selects all of a text field and types over it, as a user does. */
    protected void replaceText(String selector, String text) {
        robot.clickOn(selector);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        robot.write(text);
    }

    /** Clicks an online contact in the unified list and waits for its conversation's input. */
    protected void openChatWith(String handle) {
        until(30, () -> roster().getItems().stream().anyMatch(p -> p.displayName().equals(handle)
                && p.presence().availability().isOnline()));
        // The list's items change before its cells are laid out: wait for the cell too.
        until(10, () -> robot.lookup(".person-name")
                .match((Label l) -> handle.equals(l.getText())).tryQuery().isPresent());
        // Contacts still signing in re-sort the list between finding the name and the click, so
        // the click can land on a neighbour: check the conversation it opened, click again if not.
        for (int attempt = 1; ; attempt++) {
            robot.clickOn(robot.lookup(".person-name").match((Label l) -> handle.equals(l.getText())).queryLabeled());
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> tabs().getSelectionModel()
                        .getSelectedItem() != null && handle.equals(tabs().getSelectionModel().getSelectedItem().getText())));
                break;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw new AssertionError("the conversation with " + handle + " did not open", e);
                }
            }
        }
        until(10, () -> robot.lookup("#messageInput").tryQuery().isPresent());
    }
}
