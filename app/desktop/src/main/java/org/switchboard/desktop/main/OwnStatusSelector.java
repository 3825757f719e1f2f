package org.switchboard.desktop.main;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.PresenceStatus;

/** The user's own availability and status text, for every account at once. */
final class OwnStatusSelector extends HBox {

    private static final List<Availability> CHOICES = List.of(Availability.ONLINE, Availability.CHAT,
            Availability.AWAY, Availability.EXTENDED_AWAY, Availability.DO_NOT_DISTURB);

    private boolean updating;

    OwnStatusSelector(MainViewModel model, I18n i18n) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        ComboBox<Availability> availability = new ComboBox<>();
        availability.setId("ownStatus");
        availability.getItems().setAll(CHOICES);
        availability.setConverter(new StringConverter<>() {
            @Override
            public String toString(Availability a) {
                return a == null ? "" : i18n.text("presence." + a.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public Availability fromString(String s) {
                return null;
            }
        });
        TextField text = new TextField();
        text.setId("ownStatusText");
        text.setPromptText(i18n.text("status.text.prompt"));
        text.setPrefColumnCount(18);

        Runnable showModel = () -> {
            updating = true;
            PresenceStatus p = model.ownPresence().get();
            availability.setValue(CHOICES.contains(p.availability()) ? p.availability() : Availability.ONLINE);
            if (!text.isFocused()) {
                text.setText(p.statusText());
            }
            updating = false;
        };
        showModel.run();
        model.ownPresence().addListener((o, a, b) -> showModel.run());

        Runnable apply = () -> {
            if (!updating && availability.getValue() != null) {
                model.setOwnPresence(new PresenceStatus(availability.getValue(), text.getText().strip()));
            }
        };
        availability.valueProperty().addListener((o, a, b) -> apply.run());
        text.setOnAction(e -> apply.run());
        getChildren().addAll(availability, text);
    }
}
