package org.switchboard.desktop.dialogs;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountStatus;
import org.switchboard.core.contact.SubscriptionRequest;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.CertificateInfo;
import org.switchboard.protocol.tls.Certificates;

/**
 * Every question and message box of the app, in one place. Dialogs are shown without a
 * nested event loop: the answer arrives through a callback.
 */
public final class DialogService {

    /** What the add-contact dialog returns. */
    public record NewContact(AccountId account, String handle, String name) {
    }

    private final I18n i18n;
    private final Window owner;

    public DialogService(I18n i18n, Window owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    private <R> void prepare(Dialog<R> dialog, String title) {
        Dialogs.ownedBy(owner, dialog);
        dialog.setTitle(title);
    }

    public void showError(String header, String details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, i18n.text("app.name"));
        alert.setHeaderText(header);
        alert.setContentText(details);
        alert.show();
    }

    /** Shows the refused certificate and its fingerprint; trusting pins it for that account only. */
    public void askTrustCertificate(AccountStatus status, String accountLabel, Consumer<Boolean> answer) {
        CertificateInfo cert = status.untrustedCertificate().orElseThrow();
        ButtonType trust = new ButtonType(i18n.text("certificate.trust"), ButtonBar.ButtonData.OK_DONE);
        ButtonType refuse = new ButtonType(i18n.text("certificate.refuse"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", trust, refuse);
        prepare(alert, i18n.text("certificate.title"));
        alert.setHeaderText(i18n.text("certificate.header", accountLabel));
        alert.setContentText(i18n.text("certificate.details", cert.subject(), cert.issuer(),
                String.valueOf(cert.notAfter()), Certificates.display(cert.sha256Fingerprint()),
                cert.reason() == null ? "" : cert.reason()));
        alert.getDialogPane().setId("certificateDialog");
        alert.setOnHidden(e -> answer.accept(alert.getResult() == trust));
        alert.show();
    }

    public void askSubscription(SubscriptionRequest request, Consumer<Boolean> answer) {
        ButtonType accept = new ButtonType(i18n.text("subscription.accept"), ButtonBar.ButtonData.OK_DONE);
        ButtonType deny = new ButtonType(i18n.text("subscription.deny"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", accept, deny);
        prepare(alert, i18n.text("subscription.title"));
        alert.setHeaderText(i18n.text("subscription.header", request.from().handle()));
        alert.setContentText(request.text() == null || request.text().isBlank() ? "" : request.text());
        alert.setOnHidden(e -> answer.accept(alert.getResult() == accept));
        alert.show();
    }

    /** Someone invites the user into a room; the answer is whether to join. */
    public void askRoomInvitation(org.switchboard.core.room.RoomInvitation invitation, Consumer<Boolean> answer) {
        ButtonType join = new ButtonType(i18n.text("room.invitation.join"), ButtonBar.ButtonData.OK_DONE);
        ButtonType ignore = new ButtonType(i18n.text("room.invitation.ignore"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", join, ignore);
        prepare(alert, i18n.text("room.invitation.title"));
        alert.getDialogPane().setId("roomInvitationDialog");
        alert.setHeaderText(i18n.text("room.invitation.header", invitation.from().isBlank() ? "?" : invitation.from(),
                invitation.room().name()));
        alert.setContentText(invitation.reason());
        alert.setOnHidden(e -> answer.accept(alert.getResult() == join));
        alert.show();
    }

    /** Closing a room's tab: leave the room (forgotten), keep it (joined, tab closed), or cancel (null). */
    public void askLeaveRoom(String room, Consumer<Boolean> answer) {
        ButtonType leave = new ButtonType(i18n.text("room.close.leave"), ButtonBar.ButtonData.YES);
        ButtonType stay = new ButtonType(i18n.text("room.close.stay"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", leave, stay, ButtonType.CANCEL);
        prepare(alert, i18n.text("room.close.title"));
        alert.getDialogPane().setId("leaveRoomDialog");
        alert.setHeaderText(i18n.text("room.close.header", room));
        alert.setOnHidden(e -> {
            if (alert.getResult() == leave) {
                answer.accept(true);
            } else if (alert.getResult() == stay) {
                answer.accept(false);
            }
        });
        alert.show();
    }

    public void askNewContact(List<Account> accounts, Consumer<NewContact> answer) {
        if (accounts.isEmpty()) {
            showError(i18n.text("contact.add.noAccount"), "");
            return;
        }
        Dialog<NewContact> dialog = new Dialog<>();
        prepare(dialog, i18n.text("contact.add.title"));
        ChoiceBox<Account> account = new ChoiceBox<>();
        account.getItems().setAll(accounts);
        account.getSelectionModel().selectFirst();
        account.setConverter(new StringConverter<>() {
            @Override
            public String toString(Account a) {
                return a == null ? "" : a.label() + " (" + a.protocolId() + ")";
            }

            @Override
            public Account fromString(String s) {
                return null;
            }
        });
        TextField handle = new TextField();
        handle.setId("newContactHandle");
        TextField name = new TextField();
        GridPane grid = new GridPane(8, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(i18n.text("contact.add.account")), account);
        grid.addRow(1, new Label(i18n.text("contact.add.handle")), handle);
        grid.addRow(2, new Label(i18n.text("contact.add.name")), name);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(handle.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new NewContact(account.getValue().id(), handle.getText().strip(), name.getText().strip()) : null);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                answer.accept(dialog.getResult());
            }
        });
        dialog.show();
    }

    /** Asks for one line of text, starting from {@code initial}; the answer comes only on OK. */
    public void askText(String title, String header, String initial, String fieldId, Consumer<String> answer) {
        TextInputDialog dialog = new TextInputDialog(initial == null ? "" : initial);
        prepare(dialog, title);
        dialog.setHeaderText(header);
        dialog.getEditor().setId(fieldId);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                answer.accept(dialog.getResult());
            }
        });
        dialog.show();
    }

    /** A yes-or-no question before something that cannot be undone. */
    public void confirm(String title, String header, String dialogId, Consumer<Boolean> answer) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        prepare(alert, title);
        alert.setHeaderText(header);
        alert.getDialogPane().setId(dialogId);
        alert.setOnHidden(e -> answer.accept(alert.getResult() == ButtonType.OK));
        alert.show();
    }
}
