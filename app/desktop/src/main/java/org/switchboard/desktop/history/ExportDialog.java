package org.switchboard.desktop.history;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.history.ExportFormat;
import org.switchboard.core.history.ExportRequest;
import org.switchboard.desktop.i18n.I18n;

/**
 * Export…: what (this conversation or everything), how (HTML, JSON, plain text) and where; then
 * a progress bar with Cancel, and a message saying how it ended.
 */
public final class ExportDialog {

    private final Stage stage = new Stage();
    private final ExportViewModel model;
    private final I18n i18n;
    private final Optional<ConversationId> current;
    private final RadioButton thisConversation;
    private final ChoiceBox<ExportFormat> format = new ChoiceBox<>();
    private final TextField file = new TextField();

    public ExportDialog(ExportViewModel model, I18n i18n, Stage owner, Optional<ConversationId> current,
                        String currentTitle) {
        this.model = model;
        this.i18n = i18n;
        this.current = current;

        ToggleGroup scope = new ToggleGroup();
        thisConversation = new RadioButton(current.isPresent()
                ? i18n.text("export.scope.conversation", currentTitle) : i18n.text("export.scope.noConversation"));
        thisConversation.setId("exportThisConversation");
        thisConversation.setToggleGroup(scope);
        thisConversation.setDisable(current.isEmpty());
        RadioButton everything = new RadioButton(i18n.text("export.scope.everything"));
        everything.setId("exportEverything");
        everything.setToggleGroup(scope);
        scope.selectToggle(current.isPresent() ? thisConversation : everything);

        format.setId("exportFormat");
        format.getItems().setAll(ExportFormat.values());
        format.setValue(ExportFormat.HTML);
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportFormat f) {
                return f == null ? "" : i18n.text("export.format." + f.extension());
            }

            @Override
            public ExportFormat fromString(String s) {
                return null;
            }
        });

        file.setId("exportFile");
        file.setPrefColumnCount(28);
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(i18n.text("export.browse"));
        browse.setOnAction(e -> chooseFile());

        ProgressBar progress = new ProgressBar(0);
        progress.setId("exportProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progress());
        progress.visibleProperty().bind(model.running());
        Label result = new Label();
        result.setId("exportResult");
        result.setWrapText(true);
        model.outcome().subscribe(outcome -> result.setText(describe(outcome)));

        Button start = new Button(i18n.text("export.start"));
        start.setId("exportStart");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.running().or(file.textProperty().isEmpty()));
        start.setOnAction(e -> model.start(request(scope.getSelectedToggle() == thisConversation)));
        Button cancel = new Button(i18n.text("export.cancel"));
        cancel.setId("exportCancel");
        cancel.disableProperty().bind(model.running().not());
        cancel.setOnAction(e -> model.cancel());
        Button close = new Button(i18n.text("export.close"));
        close.setCancelButton(true);
        close.disableProperty().bind(model.running());
        close.setOnAction(e -> stage.hide());

        GridPane form = new GridPane(8, 8);
        form.addRow(0, new Label(i18n.text("export.scope")), new VBox(4, thisConversation, everything));
        form.addRow(1, new Label(i18n.text("export.format")), format);
        form.addRow(2, new Label(i18n.text("export.file")), new HBox(6, file, browse));
        HBox buttons = new HBox(6, start, cancel, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(10, form, progress, result, buttons);
        root.setId("exportDialog");
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(i18n.text("export.title"));
        // Closing the window must not leave an export running unseen.
        stage.setOnHiding(e -> model.cancel());
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("export.title"));
        String extension = format.getValue().extension();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                i18n.text("export.format." + extension), "*." + extension));
        chooser.setInitialFileName("switchboard-history." + extension);
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            file.setText(chosen.getPath());
        }
    }

    private ExportRequest request(boolean onlyCurrent) {
        Path target = Path.of(file.getText().strip());
        return onlyCurrent && current.isPresent()
                ? ExportRequest.of(current.get(), format.getValue(), target)
                : ExportRequest.everything(format.getValue(), target);
    }

    private String describe(ExportViewModel.Outcome outcome) {
        return switch (outcome) {
            case null -> "";
            case ExportViewModel.Outcome.Done done -> i18n.text("export.done", done.result().messages(),
                    done.result().file().toString());
            case ExportViewModel.Outcome.Cancelled cancelled -> i18n.text("export.cancelled");
            case ExportViewModel.Outcome.Failed failed -> i18n.text("export.failed", failed.reason());
        };
    }

    public void show() {
        stage.show();
    }
}
