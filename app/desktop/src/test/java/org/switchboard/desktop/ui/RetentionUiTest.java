package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.Test;
import org.switchboard.core.account.Account;

/** An account's history retention is chosen in the accounts window and read back when it is opened again. */
class RetentionUiTest extends AppUiTest {


    @SuppressWarnings("unchecked")
    private void openRetentionOfTheDemoAccount() {
        robot.clickOn(robot.lookup(".menu-bar .menu").nth(0).queryAs(Node.class));
        robot.clickOn("#menuAccounts");
        until(10, () -> robot.lookup("#accountManager").tryQuery().isPresent());
        ListView<Account> accounts = robot.lookup("#accountList").queryAs(ListView.class);
        until(10, () -> !accounts.getItems().isEmpty());
        onFx(() -> {
            accounts.getSelectionModel().selectFirst();
            return null;
        });
        robot.clickOn("#accountRetention");
        until(10, () -> robot.lookup("#retentionDialog").tryQuery().isPresent());
    }

    private void closeDialog(String button) {
        robot.clickOn(robot.lookup("#retentionDialog .button").match((Button b) -> button.equals(b.getText()))
                .queryButton());
        until(10, () -> robot.lookup("#retentionDialog").tryQuery().isEmpty());
    }

    @Test
    void deletingOlderThanThirtyDaysIsSavedForTheAccount() throws Exception {
        launch("--demo", "on", "--language", "en");
        openRetentionOfTheDemoAccount();
        assertThat(onFx(() -> robot.lookup("#retentionForever").queryAs(RadioButton.class).isSelected())).isTrue();

        robot.clickOn("#retentionLimited");
        onFx(() -> {
            robot.lookup("#retentionDays").queryAs(Spinner.class).getValueFactory().setValue(30);
            return null;
        });
        closeDialog("OK");

        robot.clickOn("#accountRetention");
        until(10, () -> robot.lookup("#retentionDialog").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#retentionLimited").queryAs(RadioButton.class).isSelected())).isTrue();
        assertThat(onFx(() -> robot.lookup("#retentionDays").queryAs(Spinner.class).getValue())).isEqualTo(30);
        closeDialog("Cancel");
    }
}
