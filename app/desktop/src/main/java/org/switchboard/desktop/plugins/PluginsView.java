package org.switchboard.desktop.plugins;

import java.io.File;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.switchboard.core.plugins.PluginInfo;
import org.switchboard.core.plugins.PluginState;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.dialogs.Dialogs;

/** The Plugins page: every plugin jar with its state and error; install, enable/disable, remove, reload. */
public final class PluginsView {

    private final PluginsViewModel model;
    private final I18n i18n;
    private final PluginTexts texts;
    private final Window owner;
    private final Dialog<Void> dialog = new Dialog<>();
    private final ListView<PluginInfo> list;

    public PluginsView(PluginsViewModel model, I18n i18n, Window owner) {
        this.model = model;
        this.i18n = i18n;
        this.texts = new PluginTexts(i18n);
        this.owner = owner;
        Dialogs.ownedBy(owner, dialog);
        dialog.setTitle(i18n.text("plugins.title"));
        dialog.getDialogPane().setId("pluginsDialog");
        dialog.setResizable(true);

        list = new ListView<>(model.plugins());
        list.setId("pluginList");
        list.setPrefSize(620, 300);
        list.setPlaceholder(wrapped(i18n.text("plugins.empty")));
        list.setCellFactory(v -> new PluginCell());

        Button install = new Button(i18n.text("plugins.install"));
        install.setId("installPlugin");
        install.setOnAction(e -> chooseAndInstall());
        Button toggle = new Button();
        toggle.setId("togglePlugin");
        toggle.textProperty().bind(Bindings.createStringBinding(() -> selected()
                .map(p -> i18n.text(p.state() == PluginState.DISABLED ? "plugins.enable" : "plugins.disable"))
                .orElse(i18n.text("plugins.disable")), list.getSelectionModel().selectedItemProperty()));
        toggle.setOnAction(e -> selected().ifPresent(model::toggle));
        Button remove = new Button(i18n.text("plugins.remove"));
        remove.setId("removePlugin");
        remove.setOnAction(e -> selected().ifPresent(model::remove));
        for (Button b : new Button[] {toggle, remove}) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(model.busy()));
        }
        Button reload = new Button(i18n.text("plugins.reload"));
        reload.setId("reloadPlugins");
        install.disableProperty().bind(model.busy());
        reload.disableProperty().bind(model.busy());
        reload.setOnAction(e -> model.reload());

        Label failure = wrapped("");
        failure.setId("pluginsFailure");
        failure.getStyleClass().add("field-error");
        failure.textProperty().bind(model.failure().map(texts::failure).orElse(""));
        Label folder = wrapped(i18n.text("plugins.folder", model.folder().toString()));

        VBox content = new VBox(8, folder, list, new HBox(6, install, toggle, remove, reload), failure);
        content.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setOnHidden(e -> {
            try {
                model.close();
            } catch (Exception ignored) {
                // Closing only unsubscribes.
            }
        });
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private Optional<PluginInfo> selected() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    private void chooseAndInstall() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("plugins.install.chooser"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.text("plugins.install.filter"), "*.jar"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            model.install(file.toPath());
        }
    }

    public void show() {
        dialog.show();
    }

    /** Name, version and state; protocols and location; the error, if any. */
    private final class PluginCell extends ListCell<PluginInfo> {
        private final Label title = new Label();
        private final Label details = wrapped("");
        private final Label error = wrapped("");
        private final VBox box = new VBox(2, title, details, error);

        PluginCell() {
            title.getStyleClass().add("plugin-title");
            details.getStyleClass().add("plugin-details");
            error.getStyleClass().addAll("plugin-error", "field-error");
            error.managedProperty().bind(error.visibleProperty());
            box.setPrefWidth(0);
        }

        @Override
        protected void updateItem(PluginInfo plugin, boolean empty) {
            super.updateItem(plugin, empty);
            if (empty || plugin == null) {
                setGraphic(null);
                return;
            }
            title.setText(texts.title(plugin));
            details.setText(texts.protocols(plugin) + " · " + plugin.location());
            error.setText(plugin.failure().map(texts::error).orElse(""));
            error.setVisible(plugin.failure().isPresent());
            setGraphic(box);
        }
    }
}
