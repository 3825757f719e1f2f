package org.switchboard.desktop.history;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.switchboard.core.account.Account;
import org.switchboard.core.history.HistoryService;
import org.switchboard.core.history.Retention;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.dialogs.Dialogs;

/** How long one account's history is kept: forever, or N days. Saving applies it at once. */
public final class RetentionDialog {

    static final int DEFAULT_DAYS = 365;
    static final int MAX_DAYS = 36_500;

    private final Dialog<Retention> dialog = new Dialog<>();

    public RetentionDialog(HistoryService history, Account account, I18n i18n, Window owner) {
        Dialogs.ownedBy(owner, dialog);
        dialog.setTitle(i18n.text("retention.title"));
        dialog.setHeaderText(i18n.text("retention.header",
                account.label().isBlank() ? account.id().value() : account.label()));
        dialog.getDialogPane().setId("retentionDialog");

        Retention now = history.retention(account.id());
        ToggleGroup choice = new ToggleGroup();
        RadioButton forever = new RadioButton(i18n.text("retention.forever"));
        forever.setId("retentionForever");
        forever.setToggleGroup(choice);
        RadioButton limited = new RadioButton(i18n.text("retention.olderThan"));
        limited.setId("retentionLimited");
        limited.setToggleGroup(choice);
        Spinner<Integer> days = new Spinner<>(1, MAX_DAYS, now.forever() ? DEFAULT_DAYS : now.days());
        days.setId("retentionDays");
        days.setEditable(true);
        days.disableProperty().bind(limited.selectedProperty().not());
        choice.selectToggle(now.forever() ? forever : limited);
        Label warning = new Label(i18n.text("retention.warning"));
        warning.setWrapText(true);
        warning.getStyleClass().add("field-hint");
        warning.visibleProperty().bind(limited.selectedProperty());

        VBox content = new VBox(8, forever, new HBox(6, limited, days, new Label(i18n.text("retention.days"))),
                warning);
        content.setPadding(new Insets(12));
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button != ButtonType.OK ? null
                : forever.isSelected() ? Retention.FOREVER : new Retention(days.getValue()));
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                history.setRetention(account.id(), dialog.getResult());
            }
        });
    }

    public void show() {
        dialog.show();
    }
}
