package org.switchboard.desktop.roster;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.roster.RosterViewModel.RoomEntry;

/** A room in the unified list: name, topic (or that it is not joined), unread count. */
final class RoomCell extends ListCell<RoomEntry> {

    private final I18n i18n;
    private final Label name = new Label();
    private final Label detail = new Label();
    private final Label unread = new Label();
    private final HBox row;

    RoomCell(I18n i18n) {
        this.i18n = i18n;
        name.getStyleClass().add("room-name");
        detail.getStyleClass().add("person-status");
        unread.getStyleClass().add("unread-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row = new HBox(8, new VBox(0, name, detail), spacer, unread);
        row.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(RoomEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            setGraphic(null);
            setText(null);
            setAccessibleText(null);
            return;
        }
        name.setText(entry.room().address().name());
        detail.setText(entry.room().joined() ? entry.room().topic() : i18n.text("room.notJoined"));
        unread.setText(Integer.toString(entry.unread()));
        unread.setVisible(entry.unread() > 0);
        unread.setManaged(entry.unread() > 0);
        setText(null);
        setGraphic(row);
        setOpacity(entry.room().joined() ? 1.0 : 0.6);
        setAccessibleText(entry.room().address().name()
                + (entry.unread() > 0 ? ", " + i18n.text("roster.unread", entry.unread()) : ""));
    }
}
