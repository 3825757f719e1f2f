package org.switchboard.desktop.chat;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.rooms.RoomPane;
import org.switchboard.desktop.rooms.RoomTexts;
import org.switchboard.protocol.model.TypingState;

/**
 * A conversation: a virtualized list of its lines, the typing line and the input; a room adds
 * its topic above the list and its members beside it.
 */
public final class ChatView extends BorderPane {

    private static final KeyCombination OPEN_FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final ChatViewModel model;
    private final ListView<ChatLine> list;
    private final TextArea input = new TextArea();
    private final FindBar findBar;
    private boolean focusWanted;

    public ChatView(ChatViewModel model, I18n i18n) {
        this.model = model;
        getStyleClass().add("chat-view");

        list = new ListView<>(model.lines());
        list.setId("messages");
        list.getStyleClass().add("messages");
        findBar = new FindBar(list, i18n, this::closeFind);
        list.setCellFactory(v -> new MessageCell(i18n, findBar.text(), m -> m.direction()
                == org.switchboard.protocol.model.Direction.OUTGOING ? i18n.text("chat.you") : model.title().get()));
        list.setPlaceholder(new Label(i18n.text("chat.empty")));
        model.lines().addListener(this::followNewMessages);
        model.revealed().subscribe(this::select);
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (OPEN_FIND.match(event)) {
                event.consume();
                openFind();
            }
        });

        Label typing = new Label();
        typing.setId("typingIndicator");
        typing.getStyleClass().add("typing-indicator");
        typing.textProperty().bind(model.peerTyping().map(state -> switch (state) {
            case COMPOSING -> i18n.text("chat.typing", model.title().get());
            case PAUSED -> i18n.text("chat.paused", model.title().get());
            case IDLE -> "";
        }));
        typing.visibleProperty().bind(model.peerTyping().map(s -> s != TypingState.IDLE));

        Label feedback = new Label();
        feedback.setId("commandFeedback");
        feedback.getStyleClass().add("command-feedback");
        feedback.setWrapText(true);
        feedback.textProperty().bind(model.feedback().map(r -> RoomTexts.command(i18n, r)).orElse(""));
        feedback.visibleProperty().bind(feedback.textProperty().isNotEmpty());
        feedback.managedProperty().bind(feedback.visibleProperty());

        Label error = new Label();
        error.getStyleClass().add("chat-error");
        error.textProperty().bind(model.error());
        error.visibleProperty().bind(model.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        input.setId("messageInput");
        input.setPromptText(i18n.text("chat.input.prompt"));
        input.setWrapText(true);
        input.setPrefRowCount(2);
        input.textProperty().bindBidirectional(model.input());
        input.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        input.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && focusWanted) {
                focusWanted = false;
                focusInput();
            }
        });
        HBox.setHgrow(input, Priority.ALWAYS);

        Button send = new Button(i18n.text("chat.send"));
        send.setId("sendButton");
        send.setDefaultButton(false);
        send.setOnAction(e -> sendNow());
        send.disableProperty().bind(model.input().isEmpty());

        Label editingMarker = new Label(i18n.text("chat.editing"));
        editingMarker.setId("editingMarker");
        editingMarker.getStyleClass().add("editing-marker");
        editingMarker.visibleProperty().bind(model.editing().isNotNull());
        editingMarker.managedProperty().bind(editingMarker.visibleProperty());

        HBox compose = new HBox(8, input, send);
        compose.setPadding(new Insets(6, 8, 8, 8));
        VBox bottom = new VBox(2, typing, feedback, error, editingMarker, compose);
        bottom.setPadding(new Insets(0, 0, 0, 8));

        model.room().ifPresentOrElse(room -> {
            RoomPane pane = new RoomPane(room, i18n, model::openPrivate);
            BorderPane center = new BorderPane(list, pane.topicBar(), pane.memberPane(), null, null);
            setCenter(center);
        }, () -> setCenter(list));
        setBottom(bottom);
    }

    /**
     * Enter sends; Shift+Enter (or Ctrl+Enter) puts a new line; Up in an empty input corrects
     * the last message sent, Escape gives that up.
     */
    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.UP && !event.isShiftDown() && model.editLast()) {
            event.consume();
            input.end();
            return;
        }
        if (event.getCode() == KeyCode.ESCAPE && model.cancelEdit()) {
            event.consume();
            return;
        }
        if (event.getCode() != KeyCode.ENTER) {
            return;
        }
        event.consume();
        if (event.isShiftDown() || event.isControlDown()) {
            input.insertText(input.getCaretPosition(), "\n");
        } else {
            sendNow();
        }
    }

    private void sendNow() {
        if (model.send()) {
            input.requestFocus();
        }
    }

    /** Follows the conversation as it grows; messages loaded further up (a search's neighbours) do not move the view. */
    private void followNewMessages(ListChangeListener.Change<? extends ChatLine> change) {
        boolean appended = false;
        while (change.next()) {
            appended |= change.wasAdded() && change.getTo() == change.getList().size();
        }
        if (appended) {
            scrollToEnd();
        }
    }

    private void select(StoredMessage message) {
        if (message == null) {
            return;
        }
        int at = -1;
        for (int i = 0; i < model.lines().size(); i++) {
            StoredMessage m = model.lines().get(i).message();
            if (m != null && m.seq() == message.seq()) {
                at = i;
                break;
            }
        }
        if (at >= 0) {
            list.getSelectionModel().clearAndSelect(at);
            list.scrollTo(Math.max(0, at - 2));
        }
    }

    /** Ctrl+F (Cmd+F): find in this conversation's loaded messages. */
    public void openFind() {
        if (getTop() != findBar) {
            setTop(findBar);
        }
        findBar.open();
    }

    private void closeFind() {
        setTop(null);
        findBar.clear();
        input.requestFocus();
    }

    private void scrollToEnd() {
        if (!model.lines().isEmpty()) {
            list.scrollTo(model.lines().size() - 1);
        }
    }

    /**
     * Puts the caret in the input. A tab that was just opened is not laid out yet and would
     * refuse focus, so the request waits for the end of the next layout pass.
     */
    public void focusInput() {
        Scene scene = input.getScene();
        if (scene == null) {
            focusWanted = true;
            return;
        }
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                input.requestFocus();
            }
        });
    }

    public ChatViewModel model() {
        return model;
    }
}
