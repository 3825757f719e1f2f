package org.switchboard.desktop.chat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.switchboard.core.conversation.MessageFailures;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.rooms.NickColors;
import org.switchboard.desktop.rooms.RoomTexts;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageKind;

/**
 * One line of a conversation. A message is a bubble: in a room with its sender's nick (coloured
 * per nick), an action ({@code /me waves}) as "* nick waves", a notice marked as one; time and,
 * for own messages, the delivery ticks. A room's activity line is a muted line of its own.
 */
final class MessageCell extends ListCell<ChatLine> {

    private static final PseudoClass FOUND = PseudoClass.getPseudoClass("found");

    private final I18n i18n;
    private final DateTimeFormatter time;
    private final Label sender = new Label();
    private final Label body = new Label();
    private final Label meta = new Label();
    private final VBox bubble = new VBox(2, sender, body, meta);
    private final Region spacer = new Region();
    private final HBox row = new HBox();
    private final Label activity = new Label();
    private final ObservableStringValue findText;
    private final Function<StoredMessage, String> nameOf;

    /** @param nameOf who wrote a message, for actions in one-to-one conversations (which carry no sender) */
    MessageCell(I18n i18n, ObservableStringValue findText, Function<StoredMessage, String> nameOf) {
        this.i18n = i18n;
        this.findText = findText;
        this.nameOf = nameOf;
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(i18n.locale())
                .withZone(ZoneId.systemDefault());
        body.setWrapText(true);
        body.getStyleClass().add("message-body");
        sender.getStyleClass().add("message-sender");
        meta.getStyleClass().add("message-meta");
        bubble.getStyleClass().add("bubble");
        bubble.setMaxWidth(520);
        activity.getStyleClass().add("activity-line");
        activity.setWrapText(true);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setGraphic(null);
    }

    @Override
    protected void updateItem(ChatLine line, boolean empty) {
        super.updateItem(line, empty);
        StoredMessage message = empty || line == null ? null : line.message();
        pseudoClassStateChanged(FOUND, message != null && MessageMatches.contains(message, findText.get()));
        setText(null);
        if (empty || line == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        if (line instanceof ChatLine.Activity a) {
            activity.setText(time.format(a.at()) + "  " + RoomTexts.activity(i18n, a.line().activity()));
            setGraphic(activity);
            setAccessibleText(activity.getText());
            return;
        }
        showMessage(message);
    }

    private void showMessage(StoredMessage message) {
        boolean own = message.direction() == Direction.OUTGOING;
        boolean inRoom = message.conversation().isRoom();
        String who = message.sender() != null ? message.sender() : nameOf.apply(message);
        String text;
        if (message.isAction()) {
            text = "* " + who + " " + message.actionText();
        } else if (message.kind() == MessageKind.NOTICE) {
            text = i18n.text("message.notice", message.body());
        } else {
            text = message.body();
        }
        body.setText(text);
        sender.getStyleClass().removeIf(c -> c.startsWith("nick-color-"));
        boolean showSender = inRoom && !own && !message.isAction() && message.sender() != null;
        sender.setText(showSender ? message.sender() : "");
        sender.setVisible(showSender);
        sender.setManaged(showSender);
        if (showSender) {
            sender.getStyleClass().add(NickColors.styleClass(message.sender()));
        }
        String when = time.format(message.timestamp());
        String edited = message.edited() ? "  " + i18n.text("message.edited") : "";
        meta.setText((own ? when + "  " + ticks(message) : when) + edited);
        bubble.getStyleClass().removeAll("own", "peer", "failed", "action", "notice");
        bubble.getStyleClass().add(own ? "own" : "peer");
        if (message.isAction()) {
            bubble.getStyleClass().add("action");
        }
        if (message.kind() == MessageKind.NOTICE) {
            bubble.getStyleClass().add("notice");
        }
        if (message.failure() != null) {
            bubble.getStyleClass().add("failed");
        }
        row.getChildren().setAll(own ? new Node[] {spacer, bubble} : new Node[] {bubble, spacer});
        row.setAlignment(own ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        setGraphic(row);
        setAccessibleText(showSender ? message.sender() + ": " + text : text);
    }

    /** A network's own failure text as it said it; the app's own reasons in the user's language. */
    private String failure(String failure) {
        String code = MessageFailures.code(failure);
        return code != null ? i18n.text("message.failure." + code) : failure == null ? "" : failure;
    }

    private String ticks(StoredMessage message) {
        return switch (message.status()) {
            case QUEUED -> i18n.text("message.status.queued");
            case SENT -> "✓";
            case DELIVERED -> "✓✓";
            case READ -> i18n.text("message.status.read");
            case FAILED -> i18n.text("message.status.failed", failure(message.failure()));
        };
    }
}
