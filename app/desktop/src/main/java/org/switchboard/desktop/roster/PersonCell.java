package org.switchboard.desktop.roster;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.switchboard.core.contact.Person;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.PresenceStatus;

/** A person in the unified list: presence dot, name, status text, protocol badge, unread count. */
final class PersonCell extends ListCell<Person> {

    private final I18n i18n;
    private final Circle dot = new Circle(5);
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label badge = new Label();
    private final Label unread = new Label();
    private final HBox row;

    PersonCell(I18n i18n) {
        this.i18n = i18n;
        name.getStyleClass().add("person-name");
        status.getStyleClass().add("person-status");
        badge.getStyleClass().add("protocol-badge");
        unread.getStyleClass().add("unread-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox text = new VBox(0, name, status);
        row = new HBox(8, dot, text, spacer, unread, badge);
        row.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(Person person, boolean empty) {
        super.updateItem(person, empty);
        if (empty || person == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        PresenceStatus presence = person.presence();
        name.setText(person.displayName());
        String availability = i18n.text("presence." + presence.availability().name().toLowerCase(java.util.Locale.ROOT));
        status.setText(presence.statusText().isBlank() ? availability : availability + " — " + presence.statusText());
        dot.getStyleClass().setAll("presence-dot", "presence-" + presence.availability().name().toLowerCase(java.util.Locale.ROOT));
        badge.setText(RosterViewModel.protocolOf(person).toUpperCase(java.util.Locale.ROOT));
        unread.setText(Integer.toString(person.unread()));
        unread.setVisible(person.unread() > 0);
        unread.setManaged(person.unread() > 0);
        setText(null);
        setGraphic(row);
        setAccessibleText(person.displayName() + ", " + availability
                + (person.unread() > 0 ? ", " + i18n.text("roster.unread", person.unread()) : ""));
        setOpacity(presence.availability() == Availability.OFFLINE ? 0.6 : 1.0);
    }
}
