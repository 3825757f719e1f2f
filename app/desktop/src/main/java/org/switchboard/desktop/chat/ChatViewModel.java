package org.switchboard.desktop.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
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
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.command.CommandResult;
import org.switchboard.core.command.CommandService;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.ConversationService;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.history.HistoryService;
import org.switchboard.core.room.RoomActivityLine;
import org.switchboard.core.room.RoomService;
import org.switchboard.desktop.fx.FxEventBridge;
import org.switchboard.desktop.rooms.RoomViewModel;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.TypingState;

/**
 * One conversation tab, one-to-one or a room: its messages (oldest first) and, in a room, the
 * activity lines among them ({@link #lines()}), the peer's typing state and the input, whose
 * lines go through the core's commands ({@code /me}, {@code /join}, …). Runs on the UI thread;
 * all core calls are asynchronous.
 */
public final class ChatViewModel implements AutoCloseable {

    /** How many messages a tab loads when it opens. */
    static final int RECENT = 200;

    /** How many older and newer messages come with a message opened from a search. */
    static final int AROUND = 25;

    private final ConversationService conversations;
    private final CommandService commands;
    private final RoomService rooms;
    private final RoomViewModel room;
    private final Consumer<ConversationId> open;
    private final FxEventBridge bridge;
    private final ConversationId conversation;
    private final ObservableList<StoredMessage> messages = FXCollections.observableArrayList();
    private final ChatLines lines = new ChatLines();
    private final Set<RoomActivityLine> activityShown = new HashSet<>();
    private final ObjectProperty<CommandResult> feedback = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty input = new SimpleStringProperty("");
    private final ObjectProperty<TypingState> peerTyping = new SimpleObjectProperty<>(TypingState.IDLE);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StoredMessage> revealed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StoredMessage> editing = new ReadOnlyObjectWrapper<>();
    private CompletableFuture<Void> loaded = CompletableFuture.completedFuture(null);
    private AutoCloseable subscription;

    /** A one-to-one conversation whose input sends text as typed (no commands). */
    public ChatViewModel(ConversationService conversations, FxEventBridge bridge,
                         ConversationId conversation, String title) {
        this(conversations, null, null, bridge, conversation, title, id -> { });
    }

    /**
     * A conversation of the app: its input takes commands; {@code open} shows a conversation a
     * command asks for (the room joined, the nick written to with {@code /msg}).
     */
    public ChatViewModel(SwitchboardCore core, FxEventBridge bridge, ConversationId conversation, String title,
                         Consumer<ConversationId> open) {
        this(core.conversations(), core.commands(), core.rooms(), bridge, conversation, title, open);
    }

    private ChatViewModel(ConversationService conversations, CommandService commands, RoomService rooms,
                          FxEventBridge bridge, ConversationId conversation, String title,
                          Consumer<ConversationId> open) {
        this.conversations = conversations;
        this.commands = commands;
        this.rooms = rooms;
        this.open = open;
        this.room = rooms != null && conversation.isRoom() ? new RoomViewModel(rooms, bridge, conversation.room())
                : null;
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
        if (room != null) {
            room.activate();
        }
        loaded = conversations.recent(conversation, RECENT)
                .thenAcceptAsync(recent -> {
                    merge(recent);
                    if (room != null) {
                        rooms.activity(conversation.room()).forEach(line -> addActivity(line, false));
                    }
                }, bridge.fx())
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
            case CoreEvent.RoomActivityAdded added when conversation.isRoom()
                    && added.line().room().equals(conversation.room()) -> addActivity(added.line(), true);
            default -> { }
        }
    }

    /** Adds or replaces by history sequence, keeping order; live events may beat the initial load. */
    private void merge(List<StoredMessage> incoming) {
        for (StoredMessage m : incoming) {
            int at = indexOfSeq(m.seq());
            if (at >= 0) {
                messages.set(at, m);
                lines.replace(m);
            } else {
                int insert = -(at + 1);
                messages.add(insert, m);
                lines.insertBefore(m, insert + 1 < messages.size() ? messages.get(insert + 1) : null);
            }
            if (m.direction() == Direction.INCOMING) {
                peerTyping.set(TypingState.IDLE);
            }
        }
    }

    private void addActivity(RoomActivityLine line, boolean live) {
        // A line may come both live and in the list read at opening; show it once.
        if (activityShown.add(line)) {
            lines.addActivity(new ChatLine.Activity(line), live);
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

    /**
     * Starts correcting the user's last message (Up in an empty input): the input takes its
     * text and {@link #editing()} names it. Only the last message the user sent can be
     * corrected, and only where the network takes corrections; false when there is none.
     */
    public boolean editLast() {
        if (editing.get() != null || (input.get() != null && !input.get().isEmpty()) || conversation.isRoom()) {
            return false;
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            StoredMessage m = messages.get(i);
            if (m.direction() == Direction.OUTGOING) {
                if (!conversations.canCorrect(m)) {
                    return false;
                }
                editing.set(m);
                input.set(m.body());
                return true;
            }
        }
        return false;
    }

    /** Leaves a correction unsent (Escape); false when none was being written. */
    public boolean cancelEdit() {
        if (editing.get() == null) {
            return false;
        }
        editing.set(null);
        input.set("");
        return true;
    }

    /** The message being corrected, or null while the input writes a new one. */
    public ReadOnlyObjectProperty<StoredMessage> editing() {
        return editing.getReadOnlyProperty();
    }

    private void sendCorrection(StoredMessage original, String text) {
        editing.set(null);
        input.set("");
        error.set("");
        if (text.strip().equals(original.body())) {
            return;
        }
        // Started inside a future so that a refusal thrown at once (the account went offline)
        // is reported like a failure that comes later.
        CompletableFuture.completedFuture(null)
                .thenCompose(v -> conversations.correct(original, text))
                .exceptionallyAsync(failure -> {
                    error.set(String.valueOf(rootMessage(failure)));
                    return null;
                }, bridge.fx());
    }

    /** Sends the input (Enter), or the correction being written. Returns false when there is nothing to send. */
    public boolean send() {
        String text = input.get();
        if (text == null || text.isBlank()) {
            return false;
        }
        StoredMessage original = editing.get();
        if (original != null) {
            sendCorrection(original, text);
            return true;
        }
        input.set("");
        error.set("");
        if (commands == null) {
            conversations.send(conversation, text.strip())
                    .exceptionallyAsync(failure -> {
                        error.set(String.valueOf(failure.getMessage()));
                        input.set(text);
                        return null;
                    }, bridge.fx());
            return true;
        }
        commands.submit(conversation, text.strip())
                .thenAcceptAsync(result -> {
                    feedback.set(result.outcome() == CommandResult.Outcome.SENT ? null : result);
                    result.open().ifPresent(open);
                }, bridge.fx())
                .exceptionallyAsync(failure -> {
                    // Nothing was sent: give the line back to edit.
                    error.set(String.valueOf(rootMessage(failure)));
                    input.set(text);
                    return null;
                }, bridge.fx());
        return true;
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public ConversationId conversation() {
        return conversation;
    }

    public ObservableList<StoredMessage> messages() {
        return messages;
    }

    /** Opens a private conversation with a room member, on the room's account. */
    public void openPrivate(String nick) {
        open.accept(new ConversationId(new org.switchboard.protocol.model.ContactAddress(conversation.account(), nick)));
    }

    /** The lines the view shows: messages and, in a room, activity lines among them. */
    public ObservableList<ChatLine> lines() {
        return lines.list();
    }

    /** The room's members, topic and nick; empty for a one-to-one conversation. */
    public java.util.Optional<RoomViewModel> room() {
        return java.util.Optional.ofNullable(room);
    }

    /** What the last command did, for the view to say (null after plain text). */
    public ReadOnlyObjectProperty<CommandResult> feedback() {
        return feedback;
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
        if (room != null) {
            room.close();
        }
        conversations.typing(conversation, TypingState.IDLE);
    }
}
