package org.switchboard.desktop.dialogs;

import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.switchboard.core.account.Account;

/** What every dialog of the app does the same way: its owner and theme, and choosing an account. */
public final class Dialogs {

    private Dialogs() {
    }

    /** Owned by {@code owner} and styled like it, so a dark window never opens a light dialog. */
    public static <D extends Dialog<?>> D ownedBy(Window owner, D dialog) {
        dialog.initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return dialog;
    }

    /** A choice of accounts, each shown by its label (or id) and network. */
    public static ChoiceBox<Account> accountChoice(String id, List<Account> accounts) {
        ChoiceBox<Account> choice = new ChoiceBox<>();
        choice.setId(id);
        choice.getItems().setAll(accounts);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Account a) {
                return a == null ? "" : (a.label().isBlank() ? a.id().value() : a.label()) + " (" + a.protocolId() + ")";
            }

            @Override
            public Account fromString(String s) {
                return null;
            }
        });
        return choice;
    }
}
