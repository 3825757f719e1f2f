package org.switchboard.core.room;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.chat.Conversations;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.history.HistoryStore;
import org.switchboard.core.internal.CoreThread;
import org.switchboard.core.internal.ListenerHub;
import org.switchboard.core.session.SessionSupervisor;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomMessage;
import org.switchboard.protocol.model.RoomOccupant;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.GroupChat;

/**
 * Rooms: their state from the providers' events, joining again after each connect, and the
 * commands. State changes on the core thread only; reads use the rooms' published snapshots.
 */
public final class Rooms implements RoomService {

    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);

    private static final Comparator<Room> ORDER = Comparator.comparing((Room r) -> r.address().account().value())
            .thenComparing(r -> r.address().name());

    private final CoreThread core;
    private final HistoryStore history;
    private final SessionSupervisor sessions;
    private final ListenerHub hub;
    private final Conversations conversations;
    private final SavedRooms saved;
    private final RoomOutbox outbox;
    private final Map<RoomAddress, RoomState> states = new ConcurrentHashMap<>();

    public Rooms(CoreThread core, HistoryStore history, SessionSupervisor sessions, ListenerHub hub,
                 Conversations conversations, Clock clock, Path savedRoomsFile) throws IOException {
        this.core = core;
        this.history = history;
        this.sessions = sessions;
        this.hub = hub;
        this.conversations = conversations;
        this.saved = SavedRooms.open(savedRoomsFile);
        this.outbox = new RoomOutbox(core, history, sessions, hub, clock);
        saved.all().keySet().forEach(room -> states.put(room, new RoomState(room)));
    }

    // ---- provider events (core thread) ----

    /** The rooms this account joins again at each connect. */
    public List<RoomAddress> remembered(AccountId account) {
        return saved.of(account).stream().map(e -> new RoomAddress(account, e.name())).toList();
    }

    /**
     * Joins the remembered rooms again; a room whose gap the server's archive will fill is asked
     * not to replay its recent history, so that its messages are stored once and in order.
     */
    public void connected(AccountId account, Predicate<RoomAddress> caughtUpFromArchive) {
        Optional<GroupChat> groupChat = sessions.capability(account, GroupChat.class);
        if (groupChat.isEmpty()) {
            return;
        }
        for (SavedRooms.Entry entry : saved.of(account)) {
            RoomAddress room = new RoomAddress(account, entry.name());
            states.computeIfAbsent(room, RoomState::new);
            groupChat.get().join(room, entry.nick(), entry.password(), !caughtUpFromArchive.test(room))
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            LOG.info("rejoining {} failed: {}", room, ProtocolException.from(error).getMessage());
                        }
                    });
        }
        outbox.connected(account);
    }

    public void disconnected(AccountId account) {
        outbox.disconnected(account);
        boolean changed = false;
        for (RoomState state : states.values()) {
            if (state.address.account().equals(account) && state.isJoined()) {
                state.left();
                hub.publish(new CoreEvent.RoomMembersChanged(state.address, state.members()));
                changed = true;
            }
        }
        if (changed) {
            publishRooms();
        }
    }

    public void forget(AccountId account) {
        saved.forget(account);
        states.keySet().removeIf(room -> room.account().equals(account));
        outbox.forget(account);
        publishRooms();
    }

    public void onEvent(ProtocolEvent event) {
        switch (event) {
            case ProtocolEvent.RoomJoined joined -> {
                RoomState state = states.computeIfAbsent(joined.room(), RoomState::new);
                boolean topics = sessions.capability(joined.account(), GroupChat.class)
                        .map(g -> g.supports(GroupChat.Feature.TOPIC)).orElse(false);
                state.joined(joined.ownNick(), joined.occupants(), joined.topic(), topics);
                hub.publish(new CoreEvent.RoomMembersChanged(joined.room(), state.members()));
                publishRooms();
                outbox.connected(joined.account());
            }
            case ProtocolEvent.RoomLeft left -> {
                RoomState state = states.get(left.room());
                if (left.kicked()) {
                    // Joining again on every connect after being removed would only annoy the room.
                    saved.forget(left.room());
                    outbox.abandon(left.room());
                }
                if (state != null) {
                    state.left();
                    hub.publish(new CoreEvent.RoomMembersChanged(left.room(), state.members()));
                    publishRooms();
                }
            }
            case ProtocolEvent.RoomActivityOccurred occurred -> {
                RoomState state = states.get(occurred.room());
                if (state == null) {
                    return;
                }
                RoomActivityLine line = state.apply(occurred.activity(), occurred.at());
                hub.publish(new CoreEvent.RoomMembersChanged(occurred.room(), state.members()));
                if (line != null) {
                    hub.publish(new CoreEvent.RoomActivityAdded(line));
                }
                publishRooms();
            }
            case ProtocolEvent.RoomMessageReceived received -> received(received.message());
            case ProtocolEvent.RoomInvitationReceived invited -> hub.publish(new CoreEvent.RoomInvited(
                    new RoomInvitation(invited.room(), invited.from(), invited.reason(), invited.password())));
            case ProtocolEvent.ServerNotice notice -> hub.publish(
                    new CoreEvent.ServerNoticeReceived(notice.account(), notice.from(), notice.text()));
            default -> {
            }
        }
    }

    private void received(RoomMessage message) {
        ConversationId conversation = new ConversationId(message.room());
        boolean incoming = message.direction() == Direction.INCOMING;
        boolean seen = message.archived() || conversations.isActive(conversation);
        MessageStatus status = incoming ? (seen ? MessageStatus.READ : MessageStatus.DELIVERED) : MessageStatus.SENT;
        StoredMessage row = new StoredMessage(0, conversation, message.id(), message.direction(), message.body(),
                message.timestamp(), status, null, message.sender(), message.kind(), false);
        history.add(row).whenCompleteAsync((stored, error) -> {
            if (error != null) {
                LOG.error("storing a message in {} failed", message.room(), error);
                return;
            }
            if (stored.isEmpty()) {
                if (!incoming) {
                    // The user's own message echoed back: it is out, whatever the send call says yet.
                    outbox.echoed(conversation, message.id());
                }
                return;
            }
            hub.publish(new CoreEvent.MessageAdded(stored.get()));
            if (incoming && !seen) {
                conversations.countUnread(conversation);
            }
        }, core);
    }

    private void publishRooms() {
        hub.publish(new CoreEvent.RoomsChanged(rooms()));
    }

    // ---- API ----

    @Override
    public boolean canJoin(AccountId account) {
        return sessions.capability(account, GroupChat.class).isPresent();
    }

    @Override
    public CompletableFuture<RoomAddress> join(AccountId account, String userInput, String nick, String password) {
        Objects.requireNonNull(account, "account");
        if (userInput == null || userInput.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a room needs a name"));
        }
        String wantedNick = blankToNull(nick);
        String key = blankToNull(password);
        return core.call(() -> {
            GroupChat groupChat = groupChat(account);
            RoomAddress room = groupChat.room(userInput.strip());
            return groupChat.join(room, wantedNick, key).thenApplyAsync(ok -> {
                saved.remember(room, wantedNick, key);
                states.computeIfAbsent(room, RoomState::new);
                publishRooms();
                return room;
            }, core);
        }).thenCompose(f -> f);
    }

    @Override
    public CompletableFuture<Void> leave(RoomAddress room, String reason) {
        Objects.requireNonNull(room, "room");
        return core.call(() -> {
            // Forgotten first: a reconnect while leaving must not join it again.
            saved.forget(room);
            states.remove(room);
            outbox.abandon(room);
            publishRooms();
            return sessions.capability(room.account(), GroupChat.class)
                    .map(g -> g.leave(room, reason == null ? "" : reason).exceptionally(error -> null))
                    .orElseGet(() -> CompletableFuture.completedFuture(null));
        }).thenCompose(f -> f);
    }

    @Override
    public CompletableFuture<StoredMessage> send(RoomAddress room, String text) {
        Objects.requireNonNull(room, "room");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a message needs some text");
        }
        // The published snapshot: this may run on any thread.
        String nick = room(room).map(Room::ownNick).filter(n -> !n.isEmpty()).orElse(null);
        return outbox.send(room, text, nick);
    }

    @Override
    public CompletableFuture<Void> setTopic(RoomAddress room, String topic) {
        return withGroupChat(room.account()).thenCompose(g -> g.setTopic(room, topic == null ? "" : topic));
    }

    @Override
    public CompletableFuture<Void> changeNick(RoomAddress room, String nick) {
        if (nick == null || nick.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a nick cannot be blank"));
        }
        return withGroupChat(room.account()).thenCompose(g -> g.changeNick(room, nick.strip()));
    }

    @Override
    public CompletableFuture<Void> invite(RoomAddress room, ContactAddress contact, String reason) {
        return withGroupChat(room.account()).thenCompose(g -> g.invite(room, contact, reason == null ? "" : reason));
    }

    @Override
    public List<Room> rooms() {
        return states.values().stream().map(RoomState::summary).sorted(ORDER).toList();
    }

    @Override
    public List<Room> joined(AccountId account) {
        return rooms().stream().filter(r -> r.joined() && r.address().account().equals(account)).toList();
    }

    @Override
    public Optional<Room> room(RoomAddress room) {
        return Optional.ofNullable(states.get(room)).map(RoomState::summary);
    }

    @Override
    public List<RoomOccupant> members(RoomAddress room) {
        RoomState state = states.get(room);
        return state == null ? List.of() : state.members();
    }

    @Override
    public List<RoomActivityLine> activity(RoomAddress room) {
        RoomState state = states.get(room);
        return state == null ? List.of() : state.activity();
    }

    @Override
    public int unread(RoomAddress room) {
        return conversations.unread(new ConversationId(room));
    }

    private CompletableFuture<GroupChat> withGroupChat(AccountId account) {
        try {
            return CompletableFuture.completedFuture(groupChat(account));
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private GroupChat groupChat(AccountId account) throws ProtocolException {
        if (sessions.status(account).state() != ConnectionState.CONNECTED) {
            throw new ProtocolException(Reason.NOT_CONNECTED, "The account " + account + " is not connected");
        }
        return sessions.capability(account, GroupChat.class).orElseThrow(() -> new ProtocolException(
                Reason.UNSUPPORTED, "This account's network has no rooms"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
