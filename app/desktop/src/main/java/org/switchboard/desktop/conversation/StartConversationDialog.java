package org.switchboard.desktop.conversation;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.switchboard.core.account.Account;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.dialogs.Dialogs;

/**
 * Asks for an account and an address, to write to someone who is on no contact list (networks
 * without a roster have no list at all). The answer arrives through a callback.
 */
public final class StartConversationDialog {

    private StartConversationDialog() {
    }

    public static void ask(List<Account> accounts, I18n i18n, Window owner, BiConsumer<Account, String> answer) {
        if (accounts.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, i18n.text("conversation.start.noAccount"));
            alert.initOwner(owner);
            alert.setTitle(i18n.text("conversation.start.title"));
            alert.setHeaderText(null);
            alert.show();
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        Dialogs.ownedBy(owner, dialog);
        dialog.setTitle(i18n.text("conversation.start.title"));
        dialog.getDialogPane().setId("startConversationDialog");
        ChoiceBox<Account> account = Dialogs.accountChoice("startConversationAccount", accounts);
        account.getSelectionModel().selectFirst();
        TextField address = new TextField();
        address.setId("startConversationAddress");
        GridPane grid = new GridPane(8, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(i18n.text("conversation.start.account")), account);
        grid.addRow(1, new Label(i18n.text("conversation.start.address")), address);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(address.textProperty().map(String::isBlank));
        dialog.setOnShown(e -> address.requestFocus());
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK && account.getValue() != null) {
                answer.accept(account.getValue(), address.getText().strip());
            }
        });
        dialog.show();
    }
}
