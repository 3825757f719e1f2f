package org.switchboard.desktop.chat;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.desktop.i18n.I18n;

/** Find in the loaded messages of one conversation: Enter / Shift+Enter step, Esc closes. */
final class FindBar extends HBox {

    private final ListView<ChatLine> list;
    private final I18n i18n;
    private final TextField field = new TextField();
    private final Label count = new Label();
    private final Runnable onClose;

    FindBar(ListView<ChatLine> list, I18n i18n, Runnable onClose) {
        super(6);
        this.list = list;
        this.i18n = i18n;
        this.onClose = onClose;
        setId("findBar");
        getStyleClass().add("find-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));

        field.setId("findField");
        field.setPromptText(i18n.text("find.prompt"));
        HBox.setHgrow(field, Priority.ALWAYS);
        field.textProperty().addListener((o, old, now) -> {
            list.refresh();
            step(true, -1);
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        Button previous = new Button(i18n.text("find.previous"));
        previous.setId("findPrevious");
        previous.setOnAction(e -> step(false, list.getSelectionModel().getSelectedIndex()));
        Button next = new Button(i18n.text("find.next"));
        next.setId("findNext");
        next.setOnAction(e -> step(true, list.getSelectionModel().getSelectedIndex()));
        Button close = new Button(i18n.text("find.close"));
        close.setOnAction(e -> onClose.run());
        count.setId("findCount");
        count.getStyleClass().add("find-count");
        getChildren().addAll(field, count, previous, next, close);
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            event.consume();
            step(!event.isShiftDown(), list.getSelectionModel().getSelectedIndex());
        } else if (event.getCode() == KeyCode.ESCAPE) {
            event.consume();
            onClose.run();
        }
    }

    private void step(boolean forward, int from) {
        // Activity lines keep their places as "no message", so indices match the list's.
        List<StoredMessage> messages = list.getItems().stream().map(ChatLine::message).toList();
        String text = field.getText();
        List<Integer> found = MessageMatches.indices(messages, text);
        int at = MessageMatches.next(messages, text, from, forward);
        if (at >= 0) {
            list.getSelectionModel().clearAndSelect(at);
            list.scrollTo(at);
            count.setText(i18n.text("find.count", found.indexOf(at) + 1, found.size()));
        } else {
            count.setText(text == null || text.isBlank() ? "" : i18n.text("find.none"));
        }
    }

    ReadOnlyStringProperty text() {
        return field.textProperty();
    }

    void clear() {
        field.clear();
    }

    void open() {
        field.requestFocus();
        field.selectAll();
    }
}
