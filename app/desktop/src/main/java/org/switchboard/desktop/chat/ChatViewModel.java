package org.switchboard.desktop.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.ConversationService;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.history.HistoryService;
import org.switchboard.desktop.fx.FxEventBridge;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.TypingState;

/**
 * One conversation tab: its messages (oldest first), the peer's typing state and the input.
 * Runs on the UI thread; all core calls are asynchronous.
 */
public final class ChatViewModel implements AutoCloseable {

    /** How many messages a tab loads when it opens. */
    static final int RECENT = 200;

    /** How many older and newer messages come with a message opened from a search. */
    static final int AROUND = 25;

    private final ConversationService conversations;
    private final FxEventBridge bridge;
    private final ConversationId conversation;
    private final ObservableList<StoredMessage> messages = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty input = new SimpleStringProperty("");
    private final ObjectProperty<TypingState> peerTyping = new SimpleObjectProperty<>(TypingState.IDLE);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StoredMessage> revealed = new ReadOnlyObjectWrapper<>();
    private CompletableFuture<Void> loaded = CompletableFuture.completedFuture(null);
    private AutoCloseable subscription;

    public ChatViewModel(ConversationService conversations, FxEventBridge bridge,
                         ConversationId conversation, String title) {
        this.conversations = conversations;
        this.bridge = bridge;
        this.conversation = conversation;
        this.title.set(title);
        input.addListener((obs, old, now) -> {
            boolean wasEmpty = old == null || old.isBlank();
            boolean isEmpty = now == null || now.isBlank();
            if (wasEmpty != isEmpty) {
                conversations.typing(conversation, isEmpty ? TypingState.IDLE : TypingState.COMPOSING);
            }
        });
    }

    /** Starts following the conversation: subscribes, then loads the recent history. */
    public void activate() {
        if (subscription != null) {
            return;
        }
        subscription = bridge.listen(this::onEvent);
        loaded = conversations.recent(conversation, RECENT)
                .thenAcceptAsync(this::merge, bridge.fx())
                .exceptionallyAsync(failure -> {
                    error.set(String.valueOf(failure.getMessage()));
                    return null;
                }, bridge.fx());
    }

    /**
     * Shows the message {@code seq} with its neighbours, even when it is older than what the tab
     * loaded. Waits for the tab's first load so that load cannot scroll the view away from it.
     */
    public void reveal(HistoryService history, long seq) {
        loaded.thenCompose(ignored -> history.around(conversation, seq, AROUND, AROUND))
                .thenAcceptAsync(neighbours -> {
                    merge(neighbours);
                    int at = indexOfSeq(seq);
                    if (at >= 0) {
                        revealed.set(null);
                        revealed.set(messages.get(at));
                    }
                }, bridge.fx())
                .exceptionallyAsync(failure -> {
                    error.set(String.valueOf(failure.getMessage()));
                    return null;
                }, bridge.fx());
    }

    private void onEvent(CoreEvent event) {
        switch (event) {
            case CoreEvent.MessageAdded added when added.message().conversation().equals(conversation) ->
                    merge(List.of(added.message()));
            case CoreEvent.MessageUpdated updated when updated.message().conversation().equals(conversation) ->
                    merge(List.of(updated.message()));
            case CoreEvent.PeerTyping typing when typing.conversation().equals(conversation) ->
                    peerTyping.set(typing.state());
            default -> { }
        }
    }

    /** Adds or replaces by history sequence, keeping order; live events may beat the initial load. */
    private void merge(List<StoredMessage> incoming) {
        for (StoredMessage m : incoming) {
            int at = indexOfSeq(m.seq());
            if (at >= 0) {
                messages.set(at, m);
            } else {
                int insert = -(at + 1);
                messages.add(insert, m);
            }
            if (m.direction() == Direction.INCOMING) {
                peerTyping.set(TypingState.IDLE);
            }
        }
    }

    /** Binary search by seq: the index, or -(insertion point) - 1 as in Collections.binarySearch. */
    private int indexOfSeq(long seq) {
        int low = 0;
        int high = messages.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long at = messages.get(mid).seq();
            if (at < seq) {
                low = mid + 1;
            } else if (at > seq) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** Sends the input (Enter). Returns false when there is nothing to send. */
    public boolean send() {
        String text = input.get();
        if (text == null || text.isBlank()) {
            return false;
        }
        input.set("");
        conversations.send(conversation, text.strip())
                .exceptionallyAsync(failure -> {
                    error.set(String.valueOf(failure.getMessage()));
                    input.set(text);
                    return null;
                }, bridge.fx());
        return true;
    }

    public ConversationId conversation() {
        return conversation;
    }

    public ObservableList<StoredMessage> messages() {
        return messages;
    }

    public StringProperty title() {
        return title;
    }

    public StringProperty input() {
        return input;
    }

    public ReadOnlyObjectProperty<TypingState> peerTyping() {
        return peerTyping;
    }

    /** The message last opened with {@link #reveal}; the view selects it and scrolls to it. */
    public ReadOnlyObjectProperty<StoredMessage> revealed() {
        return revealed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        conversations.typing(conversation, TypingState.IDLE);
    }
}
