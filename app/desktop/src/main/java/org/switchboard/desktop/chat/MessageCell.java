package org.switchboard.desktop.chat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.Direction;

/** One message as a bubble: text, time and, for own messages, the delivery ticks. */
final class MessageCell extends ListCell<StoredMessage> {

    private final I18n i18n;
    private final DateTimeFormatter time;
    private final Label body = new Label();
    private final Label meta = new Label();
    private final VBox bubble = new VBox(2, body, meta);
    private final Region spacer = new Region();
    private final HBox row = new HBox();

    private static final PseudoClass FOUND = PseudoClass.getPseudoClass("found");

    private final ObservableStringValue findText;

    MessageCell(I18n i18n, ObservableStringValue findText) {
        this.i18n = i18n;
        this.findText = findText;
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(i18n.locale())
                .withZone(ZoneId.systemDefault());
        body.setWrapText(true);
        body.getStyleClass().add("message-body");
        meta.getStyleClass().add("message-meta");
        bubble.getStyleClass().add("bubble");
        bubble.setMaxWidth(520);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setGraphic(null);
    }

    @Override
    protected void updateItem(StoredMessage message, boolean empty) {
        super.updateItem(message, empty);
        pseudoClassStateChanged(FOUND, !empty && message != null && MessageMatches.contains(message, findText.get()));
        if (empty || message == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        body.setText(message.body());
        boolean own = message.direction() == Direction.OUTGOING;
        String when = time.format(message.timestamp());
        meta.setText(own ? when + "  " + ticks(message) : when);
        bubble.getStyleClass().removeAll("own", "peer", "failed");
        bubble.getStyleClass().add(own ? "own" : "peer");
        if (message.failure() != null) {
            bubble.getStyleClass().add("failed");
        }
        row.getChildren().setAll(own ? new javafx.scene.Node[] {spacer, bubble} : new javafx.scene.Node[] {bubble, spacer});
        row.setAlignment(own ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        setText(null);
        setGraphic(row);
        setAccessibleText(message.body());
    }

    private String ticks(StoredMessage message) {
        return switch (message.status()) {
            case QUEUED -> i18n.text("message.status.queued");
            case SENT -> "✓";
            case DELIVERED -> "✓✓";
            case READ -> i18n.text("message.status.read");
            case FAILED -> i18n.text("message.status.failed", message.failure() == null ? "" : message.failure());
        };
    }
}
