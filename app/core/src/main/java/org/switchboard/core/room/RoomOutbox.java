package org.switchboard.core.room;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.MessageFailures;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.history.HistoryStore;
import org.switchboard.core.internal.CoreThread;
import org.switchboard.core.internal.ListenerHub;
import org.switchboard.core.outbox.Outbox;
import org.switchboard.core.outbox.TextSplitter;
import org.switchboard.core.session.SessionSupervisor;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.OutgoingRoomMessage;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.GroupChat;

/**
 * Room messages the user writes: stored QUEUED first, then sent by an {@link Outbox} of their
 * own, while the user is in the room (a message written while the account is offline goes out
 * once the room is joined again).
 */
final class RoomOutbox {

    /** Used to split text while the account is offline and its network's limit is not known yet. */
    static final int DEFAULT_MAX_BODY_BYTES = 400;

    private final CoreThread core;
    private final HistoryStore history;
    private final SessionSupervisor sessions;
    private final ListenerHub hub;
    private final Clock clock;
    private final Outbox outbox;

    RoomOutbox(CoreThread core, HistoryStore history, SessionSupervisor sessions, ListenerHub hub, Clock clock) {
        this.core = core;
        this.history = history;
        this.sessions = sessions;
        this.hub = hub;
        this.clock = clock;
        this.outbox = new Outbox(core, history, true, this::channel, m -> hub.publish(new CoreEvent.MessageUpdated(m)));
    }

    private Optional<Outbox.Channel> channel(AccountId account) {
        return sessions.capability(account, GroupChat.class).map(groupChat -> message -> {
            RoomAddress room = message.conversation().room();
            if (!groupChat.joined().contains(room)) {
                // Waits, QUEUED, for the room's next RoomJoined (which reloads this outbox).
                return CompletableFuture.failedFuture(new ProtocolException(Reason.NOT_CONNECTED,
                        "Not in " + room.name() + " yet"));
            }
            return groupChat.send(new OutgoingRoomMessage(message.id(), room, message.body()));
        });
    }

    CompletableFuture<StoredMessage> send(RoomAddress room, String text, String ownNick) {
        ConversationId conversation = new ConversationId(room);
        int limit = sessions.capability(room.account(), GroupChat.class).map(GroupChat::maxBodyBytes)
                .orElse(DEFAULT_MAX_BODY_BYTES);
        List<String> parts = TextSplitter.split(text.strip(), limit);
        List<CompletableFuture<Optional<StoredMessage>>> writes = new ArrayList<>();
        for (String part : parts) {
            // The parts are queued in this order on the one writer, so their seq keeps the order.
            writes.add(history.add(new StoredMessage(0, conversation, MessageId.newClientId(), Direction.OUTGOING,
                    part, clock.instant(), MessageStatus.QUEUED, null, ownNick, MessageKind.CHAT, false)));
        }
        CompletableFuture<StoredMessage> result = new CompletableFuture<>();
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            List<StoredMessage> stored = writes.stream().map(w -> w.join().orElseThrow()).toList();
            stored.forEach(m -> hub.publish(new CoreEvent.MessageAdded(m)));
            result.complete(stored.getFirst());
            stored.forEach(outbox::enqueue);
        }, core);
        return result;
    }

    /** The network echoed one of the user's messages: it is SENT even if the send call has not said so yet. */
    void echoed(ConversationId conversation, MessageId id) {
        history.updateStatus(conversation, id, MessageStatus.SENT, null).whenCompleteAsync((m, error) -> {
            if (error == null) {
                m.ifPresent(updated -> hub.publish(new CoreEvent.MessageUpdated(updated)));
            }
        }, core);
    }

    /**
     * The user left the room (or was removed): what still waits for it cannot go out any more,
     * and must not hold up the account's other rooms, so it fails, saying why.
     */
    void abandon(RoomAddress room) {
        ConversationId conversation = new ConversationId(room);
        long sending = outbox.discard(conversation, MessageFailures.LEFT_ROOM);
        history.failQueued(conversation, MessageFailures.LEFT_ROOM, sending).whenCompleteAsync((failed, error) -> {
            if (error == null) {
                outbox.dropped(failed);
                failed.forEach(m -> hub.publish(new CoreEvent.MessageUpdated(m)));
            }
        }, core);
    }

    void connected(AccountId account) {
        outbox.connected(account);
    }

    void disconnected(AccountId account) {
        outbox.disconnected(account);
    }

    void forget(AccountId account) {
        outbox.forget(account);
    }
}
