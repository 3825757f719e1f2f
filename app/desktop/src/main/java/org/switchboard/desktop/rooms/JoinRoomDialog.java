package org.switchboard.desktop.rooms;

import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.switchboard.core.account.Account;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.desktop.dialogs.Dialogs;

/**
 * "Join room…": account (those that can join rooms), room, nick and password. OK starts the join
 * and keeps the dialog open until the user is in; a failure is shown in the dialog, with
 * everything typed still there.
 */
public final class JoinRoomDialog {

    private JoinRoomDialog() {
    }

    public static void show(JoinRoomViewModel model, I18n i18n, Window owner, Consumer<RoomAddress> joined) {
        if (model.accounts().isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, i18n.text("room.join.noAccount"));
            alert.initOwner(owner);
            alert.setTitle(i18n.text("room.join.title"));
            alert.setHeaderText(null);
            alert.getDialogPane().setId("joinRoomNoAccount");
            alert.show();
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        Dialogs.ownedBy(owner, dialog);
        dialog.setTitle(i18n.text("room.join.title"));
        dialog.getDialogPane().setId("joinRoomDialog");

        ChoiceBox<Account> account = Dialogs.accountChoice("joinRoomAccount", model.accounts());
        account.valueProperty().bindBidirectional(model.account());
        TextField room = new TextField();
        room.setId("joinRoomName");
        room.setPromptText(i18n.text("room.join.room.prompt"));
        room.textProperty().bindBidirectional(model.room());
        TextField nick = new TextField();
        nick.setId("joinRoomNick");
        nick.setPromptText(i18n.text("room.join.nick.prompt"));
        nick.textProperty().bindBidirectional(model.nick());
        PasswordField password = new PasswordField();
        password.setId("joinRoomPassword");
        password.textProperty().bindBidirectional(model.password());
        Label error = new Label();
        error.setId("joinRoomError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMaxWidth(360);
        error.textProperty().bind(model.error());

        GridPane grid = new GridPane(8, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(i18n.text("room.join.account")), account);
        grid.addRow(1, new Label(i18n.text("room.join.room")), room);
        grid.addRow(2, new Label(i18n.text("room.join.nick")), nick);
        grid.addRow(3, new Label(i18n.text("room.join.password")), password);
        grid.add(error, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType join = new ButtonType(i18n.text("room.join.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(join, ButtonType.CANCEL);
        var joinButton = dialog.getDialogPane().lookupButton(join);
        joinButton.setId("joinRoomOk");
        joinButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.room().get() == null || model.room().get().isBlank() || model.busy().get(),
                model.room(), model.busy()));
        joinButton.addEventFilter(ActionEvent.ACTION, e -> {
            // Stay open: the dialog closes itself once the join succeeded.
            e.consume();
            model.join().thenAccept(joinedRoom -> {
                if (joinedRoom != null) {
                    dialog.setResult(join);
                    dialog.close();
                    joined.accept(joinedRoom);
                }
            });
        });
        dialog.setOnShown(e -> room.requestFocus());
        dialog.show();
    }
}
