package org.switchboard.desktop.settings;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.switchboard.core.settings.Settings;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.theme.Theme;

/** Language and theme. The theme changes at once; the language at the next start. */
public final class SettingsDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    public SettingsDialog(Settings settings, I18n i18n, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.text("settings.title"));
        dialog.getDialogPane().setId("settingsDialog");

        ChoiceBox<String> language = new ChoiceBox<>();
        language.setId("languageChoice");
        language.getItems().setAll(I18n.LANGUAGES);
        language.setConverter(converter(v -> i18n.text("settings.language." + v)));
        language.setValue(settings.get(Settings.LANGUAGE, "system"));

        ChoiceBox<Theme> theme = new ChoiceBox<>();
        theme.setId("themeChoice");
        theme.getItems().setAll(Theme.values());
        theme.setConverter(converter(t -> i18n.text("settings.theme." + t.setting())));
        theme.setValue(Theme.fromSetting(settings.get(Settings.THEME, "light")));

        Label restart = new Label(i18n.text("settings.language.restart"));
        restart.setWrapText(true);
        restart.visibleProperty().bind(language.valueProperty().isNotEqualTo(settings.get(Settings.LANGUAGE, "system")));

        GridPane grid = new GridPane(8, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(i18n.text("settings.language")), language);
        grid.addRow(1, new Label(i18n.text("settings.theme")), theme);
        grid.add(restart, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                settings.set(Settings.LANGUAGE, language.getValue());
                settings.set(Settings.THEME, theme.getValue().setting());
                theme.getValue().apply();
            }
        });
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }

    public void show() {
        dialog.show();
    }
}
