package org.switchboard.desktop.roster;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.switchboard.core.contact.Person;
import org.switchboard.desktop.i18n.I18n;

/** The unified contact list: a filter field above a virtualized list. */
public final class RosterView extends VBox {

    private final ListView<Person> list;
    private final TextField filter = new TextField();

    public RosterView(RosterViewModel model, I18n i18n, Consumer<Person> open,
                      Consumer<org.switchboard.protocol.model.RoomAddress> openRoom, ContactMenu contactMenu,
                      AvatarImages avatars) {
        super(6);
        setPadding(new Insets(8));
        getStyleClass().add("roster");

        filter.setId("rosterFilter");
        filter.setPromptText(i18n.text("roster.filter.prompt"));
        filter.textProperty().bindBidirectional(model.filter());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !model.visiblePeople().isEmpty()) {
                open.accept(model.visiblePeople().getFirst());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            }
        });

        list = new ListView<>(model.visiblePeople());
        list.setId("roster");
        list.setCellFactory(v -> new PersonCell(i18n, avatars));
        list.setPlaceholder(new Label(i18n.text("roster.empty")));
        contactMenu.attach(list);
        list.setOnMouseClicked(e -> {
            Person selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && e.getButton() == MouseButton.PRIMARY) {
                open.accept(selected);
            }
        });
        list.setOnKeyPressed(e -> {
            Person selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && e.getCode() == KeyCode.ENTER) {
                open.accept(selected);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        // The rooms the user is in (or rejoins), as a section of their own under the people.
        Label roomsHeader = new Label(i18n.text("roster.rooms"));
        roomsHeader.setId("roomsHeader");
        roomsHeader.getStyleClass().add("roster-section");
        ListView<RosterViewModel.RoomEntry> rooms = new ListView<>(model.visibleRooms());
        rooms.setId("rooms");
        rooms.setCellFactory(v -> new RoomCell(i18n));
        rooms.setPrefHeight(140);
        rooms.setMinHeight(60);
        rooms.setOnMouseClicked(e -> {
            RosterViewModel.RoomEntry selected = rooms.getSelectionModel().getSelectedItem();
            if (selected != null && e.getButton() == MouseButton.PRIMARY) {
                openRoom.accept(selected.room().address());
            }
        });
        rooms.setOnKeyPressed(e -> {
            RosterViewModel.RoomEntry selected = rooms.getSelectionModel().getSelectedItem();
            if (selected != null && e.getCode() == KeyCode.ENTER) {
                openRoom.accept(selected.room().address());
            }
        });
        VBox roomSection = new VBox(4, roomsHeader, rooms);
        roomSection.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.visibleRooms()));
        roomSection.managedProperty().bind(roomSection.visibleProperty());
        getChildren().addAll(filter, list, roomSection);
    }

    public void focusFilter() {
        filter.requestFocus();
    }
}
