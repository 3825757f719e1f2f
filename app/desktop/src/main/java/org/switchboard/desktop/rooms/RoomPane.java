package org.switchboard.desktop.rooms;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.RoomOccupant;

/** The parts of a room tab around its messages: the topic above, the member list beside. */
public final class RoomPane {

    private final HBox topicBar;
    private final VBox memberPane;

    /** @param openPrivate opens a private conversation with a member (double-click, or Enter) */
    public RoomPane(RoomViewModel model, I18n i18n, Consumer<String> openPrivate) {
        TextField topic = new TextField();
        topic.setId("roomTopic");
        topic.getStyleClass().add("room-topic");
        topic.setPromptText(i18n.text("room.topic.prompt"));
        topic.setText(model.topic().get());
        model.topic().subscribe(now -> {
            if (!topic.isFocused()) {
                topic.setText(now);
            }
        });
        topic.editableProperty().bind(model.topicEditable().and(model.joined()));
        topic.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && topic.isEditable()) {
                e.consume();
                model.setTopic(topic.getText());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                topic.setText(model.topic().get());
            }
        });
        topic.focusedProperty().subscribe(focused -> {
            if (!focused) {
                topic.setText(model.topic().get());
            }
        });
        Label topicError = new Label();
        topicError.getStyleClass().add("chat-error");
        topicError.textProperty().bind(model.error());
        topicError.visibleProperty().bind(model.error().isNotEmpty());
        topicError.managedProperty().bind(topicError.visibleProperty());
        Label notJoined = new Label(i18n.text("room.notJoined"));
        notJoined.setId("roomNotJoined");
        notJoined.getStyleClass().add("room-not-joined");
        notJoined.visibleProperty().bind(model.joined().not());
        notJoined.managedProperty().bind(notJoined.visibleProperty());
        Label ownNick = new Label();
        ownNick.setId("roomOwnNick");
        ownNick.getStyleClass().add("member-count");
        ownNick.textProperty().bind(model.ownNick().map(nick -> nick.isEmpty() ? "" : i18n.text("room.ownNick", nick)));
        HBox.setHgrow(topic, Priority.ALWAYS);
        topicBar = new HBox(8, new Label(i18n.text("room.topic")), topic, topicError, notJoined, ownNick);
        topicBar.getStyleClass().add("room-topic-bar");
        topicBar.setPadding(new Insets(4, 8, 4, 8));
        topicBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ListView<RoomOccupant> members = new ListView<>(model.members());
        members.setId("members");
        members.getStyleClass().add("members");
        members.setCellFactory(v -> new MemberCell(i18n));
        members.setPrefWidth(170);
        members.setOnMouseClicked(e -> {
            RoomOccupant selected = members.getSelectionModel().getSelectedItem();
            if (selected != null && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openPrivate.accept(selected.nick());
            }
        });
        members.setOnKeyPressed(e -> {
            RoomOccupant selected = members.getSelectionModel().getSelectedItem();
            if (selected != null && e.getCode() == KeyCode.ENTER) {
                openPrivate.accept(selected.nick());
            }
        });
        Label count = new Label();
        count.getStyleClass().add("member-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.size(model.members())
                .map(n -> i18n.text("room.members", n)));
        VBox.setVgrow(members, Priority.ALWAYS);
        memberPane = new VBox(4, count, members);
        memberPane.setPadding(new Insets(0, 8, 0, 0));
    }

    public HBox topicBar() {
        return topicBar;
    }

    public VBox memberPane() {
        return memberPane;
    }
}
