package org.switchboard.desktop.accounts;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountStatus;
import org.switchboard.desktop.history.RetentionDialog;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.main.MainViewModel;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.desktop.dialogs.Dialogs;

/** Lists the accounts with their connection state; add, edit, enable/disable, remove. */
public final class AccountManagerView {

    private final MainViewModel main;
    private final I18n i18n;
    private final Window owner;
    private final Dialog<Void> dialog = new Dialog<>();
    private final ListView<Account> list;

    public AccountManagerView(MainViewModel main, I18n i18n, Window owner) {
        this.main = main;
        this.i18n = i18n;
        this.owner = owner;
        Dialogs.ownedBy(owner, dialog);
        dialog.setTitle(i18n.text("accounts.title"));
        dialog.getDialogPane().setId("accountManager");

        list = new ListView<>(main.accounts());
        list.setId("accountList");
        list.setPrefSize(460, 260);
        list.setPlaceholder(new Label(i18n.text("accounts.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Account account, boolean empty) {
                super.updateItem(account, empty);
                setText(empty || account == null ? null : describe(account));
            }
        });
        MapChangeListener<Object, AccountStatus> refresh = change -> list.refresh();
        main.statuses().addListener(refresh);
        dialog.setOnHidden(e -> main.statuses().removeListener(refresh));

        MenuButton add = new MenuButton(i18n.text("accounts.add"));
        add.setId("addAccount");
        for (ProtocolProvider provider : main.core().accounts().providers()) {
            MenuItem item = new MenuItem(provider.displayName(i18n.locale()));
            item.setId("add-" + provider.id());
            item.setOnAction(e -> openForm(provider, Optional.empty()));
            add.getItems().add(item);
        }
        Button edit = new Button(i18n.text("accounts.edit"));
        edit.setOnAction(e -> selected().ifPresent(a -> providerOf(a).ifPresent(p -> openForm(p, Optional.of(a)))));
        Button toggle = new Button();
        toggle.textProperty().bind(Bindings.createStringBinding(() -> selected()
                .map(a -> i18n.text(a.enabled() ? "accounts.disable" : "accounts.enable"))
                .orElse(i18n.text("accounts.disable")), list.getSelectionModel().selectedItemProperty()));
        toggle.setOnAction(e -> selected().ifPresent(a -> main.core().accounts().setEnabled(a.id(), !a.enabled())));
        Button reconnect = new Button(i18n.text("accounts.reconnect"));
        reconnect.setOnAction(e -> selected().ifPresent(a -> main.core().accounts().reconnect(a.id())));
        Button remove = new Button(i18n.text("accounts.remove"));
        remove.setOnAction(e -> selected().ifPresent(a -> main.core().accounts().remove(a.id())));
        Button keep = new Button(i18n.text("accounts.retention"));
        keep.setId("accountRetention");
        keep.setOnAction(e -> selected().ifPresent(a -> new RetentionDialog(main.core().history(), a, i18n,
                dialog.getDialogPane().getScene().getWindow()).show()));
        for (Button b : new Button[] {edit, toggle, reconnect, remove, keep}) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }

        HBox buttons = new HBox(6, add, edit, toggle, reconnect, remove, keep);
        VBox content = new VBox(8, list, buttons);
        content.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    private Optional<Account> selected() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    private Optional<ProtocolProvider> providerOf(Account account) {
        return main.core().accounts().providers().stream().filter(p -> p.id().equals(account.protocolId())).findFirst();
    }

    private String describe(Account account) {
        AccountStatus status = main.statuses().get(account.id());
        String state = status == null ? "" : i18n.text("state." + status.state().name().toLowerCase(Locale.ROOT));
        String error = status == null || status.error() == null ? "" : " — " + i18n.failure(status.error(), status.errorMessage());
        String name = providerOf(account).map(p -> p.displayName(i18n.locale())).orElse(account.protocolId());
        return (account.label().isBlank() ? account.id().value() : account.label()) + " · " + name + " · "
                + (account.enabled() ? state : i18n.text("accounts.disabled")) + error;
    }

    public void openForm(ProtocolProvider provider, Optional<Account> editing) {
        AccountFormViewModel form = new AccountFormViewModel(main.core().accounts(), provider, editing);
        new AccountDialog(form, i18n, owner, main.bridge().fx()).show();
    }

    public void show() {
        dialog.show();
    }
}
