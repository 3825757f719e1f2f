package org.switchboard.desktop.accounts;

import java.util.concurrent.Executor;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.spi.AccountField;
import org.switchboard.desktop.dialogs.Dialogs;

/** The add/edit account dialog, built field by field from the provider's schema. */
public final class AccountDialog {

    private final AccountFormViewModel model;
    private final I18n i18n;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final Label saveError = new Label();

    public AccountDialog(AccountFormViewModel model, I18n i18n, Window owner, Executor fx) {
        this.model = model;
        this.i18n = i18n;
        Dialogs.ownedBy(owner, dialog);
        String network = model.provider().displayName(i18n.locale());
        dialog.setTitle(i18n.text(model.isEditing() ? "account.edit.title" : "account.add.title", network));
        dialog.getDialogPane().setId("accountDialog");

        GridPane grid = new GridPane(8, 4);
        grid.setPadding(new Insets(12));
        int row = 0;
        TextField label = new TextField();
        label.setId("account-label");
        label.textProperty().bindBidirectional(model.label());
        label.setPromptText(i18n.text("account.label.prompt"));
        grid.addRow(row++, new Label(i18n.text("account.label")), label);
        for (AccountFormViewModel.FieldState field : model.fields()) {
            Node control = controlFor(field);
            control.setId("account-" + field.field().key());
            Label name = new Label(i18n.providerText(model.provider(), field.field().key())
                    + (field.field().required() ? " *" : ""));
            name.setLabelFor(control);
            grid.addRow(row++, name, control);
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.textProperty().bind(field.error().map(key -> key.isEmpty() ? "" : i18n.text(key)));
            error.visibleProperty().bind(field.error().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            grid.add(error, 1, row++);
        }
        saveError.getStyleClass().add("field-error");
        saveError.setWrapText(true);
        grid.add(saveError, 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        // Saving is asynchronous: keep the dialog open until the core has stored the account.
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (!model.validate()) {
                return;
            }
            saveError.setText("");
            model.save().whenCompleteAsync((account, failure) -> {
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    saveError.setText(i18n.text("account.save.failed", cause.getMessage()));
                } else {
                    dialog.setResult(ButtonType.OK);
                    dialog.close();
                }
            }, fx);
        });
    }

    private Node controlFor(AccountFormViewModel.FieldState state) {
        return switch (state.field()) {
            case AccountField.Secret s -> {
                PasswordField p = new PasswordField();
                p.textProperty().bindBidirectional(state.value());
                if (model.isEditing()) {
                    p.setPromptText(i18n.text("account.secret.keep"));
                }
                yield p;
            }
            case AccountField.Flag f -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(state.value().get()));
                box.selectedProperty().addListener((o, a, on) -> state.value().set(Boolean.toString(on)));
                yield box;
            }
            case AccountField.Choice c -> {
                ChoiceBox<String> choice = new ChoiceBox<>();
                choice.getItems().setAll(c.values());
                choice.setConverter(new StringConverter<>() {
                    @Override
                    public String toString(String value) {
                        return value == null ? "" : i18n.providerText(model.provider(), c.key() + "." + value);
                    }

                    @Override
                    public String fromString(String s) {
                        return s;
                    }
                });
                choice.setValue(state.value().get());
                choice.valueProperty().addListener((o, a, now) -> state.value().set(now));
                yield choice;
            }
            case AccountField.Text t -> text(state);
            case AccountField.Port p -> text(state);
        };
    }

    private static TextField text(AccountFormViewModel.FieldState state) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(state.value());
        return text;
    }

    public void show() {
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }
}
