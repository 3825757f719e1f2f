package org.switchboard.core.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.ConversationService;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.history.HistoryStore;
import org.switchboard.core.internal.CoreThread;
import org.switchboard.core.internal.ListenerHub;
import org.switchboard.core.outbox.Outbox;
import org.switchboard.core.outbox.TextSplitter;
import org.switchboard.core.session.SessionSupervisor;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ChatMessage;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.TypingState;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Receipts;
import org.switchboard.protocol.spi.capability.Typing;

/**
 * One-to-one conversations: incoming messages into history, sending through the {@link Outbox},
 * unread counts, receipts and typing. State is changed on the core thread only; the maps that
 * API reads see are concurrent.
 */
public final class Conversations implements ConversationService {

    private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);

    /** Used to split text while an account is offline and its network's limit is not known yet. */
    static final int DEFAULT_MAX_BODY_BYTES = 4096;

    private final CoreThread core;
    private final HistoryStore history;
    private final SessionSupervisor sessions;
    private final ListenerHub hub;
    private final Clock clock;
    private final Outbox outbox;
    private final OwnCorrections corrections;
    private final BiConsumer<ConversationId, Integer> unreadListener;
    private final Map<ConversationId, Integer> unread = new ConcurrentHashMap<>();
    private final Map<ConversationId, TypingState> peerTyping = new ConcurrentHashMap<>();
    private final Map<ConversationId, TypingState> ownTyping = new HashMap<>();
    private final Map<AccountId, Integer> maxBodyBytes = new ConcurrentHashMap<>();
    private volatile Optional<ConversationId> active = Optional.empty();

    public Conversations(CoreThread core, HistoryStore history, SessionSupervisor sessions, ListenerHub hub,
                         Clock clock, BiConsumer<ConversationId, Integer> unreadListener) {
        this.core = core;
        this.history = history;
        this.sessions = sessions;
        this.hub = hub;
        this.clock = clock;
        this.unreadListener = unreadListener;
        this.outbox = new Outbox(core, history, a -> sessions.capability(a, Messaging.class),
                m -> hub.publish(new CoreEvent.MessageUpdated(m)));
        this.corrections = new OwnCorrections(core, history, sessions, hub);
    }

    /** Loads the unread counts kept in history; core thread, at start. */
    public CompletableFuture<Void> loadUnread() {
        return history.unreadCounts().thenAcceptAsync(counts -> counts.forEach((conversation, n) -> {
            unread.put(conversation, n);
            unreadListener.accept(conversation, n);
            // Rooms show their counts themselves (one-to-one counts travel with the people).
            if (conversation.isRoom()) {
                hub.publish(new CoreEvent.UnreadChanged(conversation, n));
            }
        }), core);
    }

    /** The unread counts of rooms, for a new subscriber's first state. */
    public Map<ConversationId, Integer> roomUnread() {
        Map<ConversationId, Integer> rooms = new HashMap<>();
        unread.forEach((conversation, n) -> {
            if (conversation.isRoom()) {
                rooms.put(conversation, n);
            }
        });
        return rooms;
    }

    // ---- provider events (core thread) ----

    public void connected(AccountId account) {
        sessions.capability(account, Messaging.class).ifPresent(m -> maxBodyBytes.put(account, m.maxBodyBytes()));
        ownTyping.keySet().removeIf(c -> c.account().equals(account));
        outbox.connected(account);
    }

    public void disconnected(AccountId account) {
        outbox.disconnected(account);
        peerTyping.keySet().removeIf(c -> c.account().equals(account));
    }

    public void forget(AccountId account) {
        outbox.forget(account);
    }

    public void onEvent(ProtocolEvent event) {
        switch (event) {
            case ProtocolEvent.MessageReceived received -> received(received.message());
            case ProtocolEvent.MessageStatusChanged changed -> history
                    .updateStatus(new ConversationId(changed.peer()), changed.id(), changed.status(), changed.reason())
                    .whenCompleteAsync((m, error) -> {
                        if (error == null) {
                            m.ifPresent(updated -> hub.publish(new CoreEvent.MessageUpdated(updated)));
                        }
                    }, core);
            case ProtocolEvent.MessageCorrected corrected -> history
                    .correct(new ConversationId(corrected.peer()), corrected.original(), corrected.newBody())
                    .whenCompleteAsync((m, error) -> {
                        if (error != null) {
                            LOG.error("storing a correction from {} failed", corrected.peer(), error);
                        } else {
                            m.ifPresent(updated -> hub.publish(new CoreEvent.MessageUpdated(updated)));
                        }
                    }, core);
            case ProtocolEvent.TypingChanged typing -> {
                ConversationId conversation = new ConversationId(typing.contact());
                if (peerTyping.put(conversation, typing.state()) != typing.state()) {
                    hub.publish(new CoreEvent.PeerTyping(conversation, typing.state()));
                }
            }
            default -> {
            }
        }
    }

    private void received(ChatMessage message) {
        ConversationId conversation = new ConversationId(message.peer());
        boolean incoming = message.direction() == Direction.INCOMING;
        boolean seen = incoming && active.filter(conversation::equals).isPresent();
        MessageStatus status = incoming ? (seen ? MessageStatus.READ : MessageStatus.DELIVERED) : MessageStatus.SENT;
        StoredMessage row = new StoredMessage(0, conversation, message.id(), message.direction(), message.body(),
                message.timestamp(), status, null, null, message.kind(), false);
        history.add(row).whenCompleteAsync((stored, error) -> {
            if (error != null) {
                // Not acknowledged: the server keeps it and delivers it again at the next login.
                LOG.error("storing a message from {} failed", message.peer(), error);
                return;
            }
            if (incoming) {
                // Stored now (or already, when this is a repeat): the server may let go of it.
                sessions.capability(message.peer().account(), Messaging.class)
                        .ifPresent(m -> m.stored(message.peer(), message.id()));
            }
            if (stored.isEmpty()) {
                return;
            }
            hub.publish(new CoreEvent.MessageAdded(stored.get()));
            if (!incoming) {
                return;
            }
            if (peerTyping.remove(conversation) != null) {
                hub.publish(new CoreEvent.PeerTyping(conversation, TypingState.IDLE));
            }
            if (active.filter(conversation::equals).isPresent()) {
                sendReadReceipt(conversation, message.id());
            } else {
                setUnread(conversation, unread.getOrDefault(conversation, 0) + 1);
            }
        }, core);
    }

    /** Whether the user is looking at this conversation now; core thread. */
    public boolean isActive(ConversationId conversation) {
        return active.filter(conversation::equals).isPresent();
    }

    /** One more unread message in a conversation kept elsewhere (a room); core thread. */
    public void countUnread(ConversationId conversation) {
        setUnread(conversation, unread.getOrDefault(conversation, 0) + 1);
    }

    private void setUnread(ConversationId conversation, int count) {
        Integer old = count == 0 ? unread.remove(conversation) : unread.put(conversation, count);
        if (!Objects.equals(old == null ? 0 : old, count)) {
            hub.publish(new CoreEvent.UnreadChanged(conversation, count));
            unreadListener.accept(conversation, count);
        }
    }

    private void sendReadReceipt(ConversationId conversation, MessageId id) {
        if (conversation.isRoom()) {
            return;
        }
        sessions.capability(conversation.peer().account(), Receipts.class).ifPresent(receipts ->
                receipts.markRead(conversation.peer(), id).whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.info("read receipt to {} not sent: {}", conversation.peer(), error.getMessage());
                    }
                }));
    }

    // ---- API ----

    @Override
    public CompletableFuture<List<StoredMessage>> recent(ConversationId conversation, int limit) {
        Objects.requireNonNull(conversation, "conversation");
        return history.recent(conversation, limit);
    }

    @Override
    public CompletableFuture<StoredMessage> send(ConversationId conversation, String text) {
        Objects.requireNonNull(conversation, "conversation");
        if (conversation.isRoom()) {
            throw new IllegalArgumentException("messages to a room go through the room service");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a message needs some text");
        }
        AccountId account = conversation.peer().account();
        int limit = sessions.capability(account, Messaging.class).map(Messaging::maxBodyBytes)
                .orElseGet(() -> maxBodyBytes.getOrDefault(account, DEFAULT_MAX_BODY_BYTES));
        List<String> parts = TextSplitter.split(text.strip(), limit);
        List<CompletableFuture<Optional<StoredMessage>>> writes = new ArrayList<>();
        for (String part : parts) {
            // The parts are queued in this order on the one writer, so their seq keeps the order.
            writes.add(history.add(new StoredMessage(0, conversation, MessageId.newClientId(), Direction.OUTGOING,
                    part, clock.instant(), MessageStatus.QUEUED, null)));
        }
        CompletableFuture<StoredMessage> result = new CompletableFuture<>();
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            List<StoredMessage> stored = writes.stream().map(w -> w.join().orElseThrow()).toList();
            for (StoredMessage m : stored) {
                hub.publish(new CoreEvent.MessageAdded(m));
            }
            result.complete(stored.getFirst());
            stored.forEach(outbox::enqueue);
        }, core);
        return result;
    }

    @Override
    public boolean canCorrect(StoredMessage message) {
        return corrections.canCorrect(message);
    }

    @Override
    public CompletableFuture<StoredMessage> correct(StoredMessage original, String newText) {
        return corrections.correct(original, newText);
    }

    @Override
    public void typing(ConversationId conversation, TypingState state) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(state, "state");
        if (conversation.isRoom()) {
            // Rooms get no typing notifications: a channel full of them is noise.
            return;
        }
        core.execute(() -> {
            if (ownTyping.getOrDefault(conversation, TypingState.IDLE) == state) {
                return;
            }
            sessions.capability(conversation.peer().account(), Typing.class).ifPresent(typing -> {
                ownTyping.put(conversation, state);
                typing.setTyping(conversation.peer(), state);
            });
        });
    }

    @Override
    public void setActive(Optional<ConversationId> conversation) {
        Optional<ConversationId> now = conversation == null ? Optional.empty() : conversation;
        core.execute(() -> {
            active = now;
            now.ifPresent(this::markReadNow);
        });
    }

    @Override
    public void markRead(ConversationId conversation) {
        Objects.requireNonNull(conversation, "conversation");
        core.execute(() -> markReadNow(conversation));
    }

    private void markReadNow(ConversationId conversation) {
        if (unread.getOrDefault(conversation, 0) == 0) {
            return;
        }
        setUnread(conversation, 0);
        history.markIncomingRead(conversation)
                .thenCompose(changed -> history.lastIncoming(conversation))
                .whenCompleteAsync((last, error) -> {
                    if (error == null) {
                        last.ifPresent(m -> sendReadReceipt(conversation, m.id()));
                    }
                }, core);
    }

    @Override
    public int unread(ConversationId conversation) {
        return unread.getOrDefault(conversation, 0);
    }

    @Override
    public TypingState peerTyping(ConversationId conversation) {
        return peerTyping.getOrDefault(conversation, TypingState.IDLE);
    }
}
