package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.nativeproto.codec.ErrorCode;
import org.switchboard.nativeproto.codec.FrameException;
import org.switchboard.nativeproto.codec.Frames;

/**
 * One-to-one messages, receipts and typing. Every message is queued until a client of its
 * recipient sends a delivered receipt for it, so a message sent to someone offline (or whose
 * connection breaks) arrives on their next login.
 */
final class MessageHandler {

    private static final int MAX_CLIENT_ID = 128;
    /** Queued items read from the database at a time when a connection catches up. */
    static final int CATCH_UP_PAGE = 100;

    private final ServerContext context;

    MessageHandler(ServerContext context) {
        this.context = context;
    }

    void handle(ClientConnection connection, String type, ObjectNode frame) throws FrameException, SQLException {
        switch (type) {
            case "message" -> message(connection, frame);
            case "receipt" -> receipt(connection, frame);
            default -> typing(connection, frame);
        }
    }

    private void message(ClientConnection connection, ObjectNode frame) throws FrameException, SQLException {
        String id = Frames.id(frame);
        String to = recipient(frame, id);
        if (to.equals(connection.user())) {
            // Its own copy gets no delivered receipt, so it would be pushed again at every login.
            throw new FrameException(ErrorCode.INVALID_INPUT, "you cannot send a message to yourself", false, id);
        }
        String clientId = clientId(frame, id);
        String body = Frames.text(frame, "body");
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > context.limits.maxBodyBytes()) {
            throw new FrameException(ErrorCode.BODY_TOO_LARGE, "body of " + bytes + " bytes is over the limit of "
                    + context.limits.maxBodyBytes(), false, id);
        }
        QueueStore.QueuedMessage queued = new QueueStore.QueuedMessage(0, UUID.randomUUID().toString(),
                connection.user(), to, clientId, body, Instant.now().toString());
        Optional<String> full = context.queue.addMessage(queued);
        if (full.isPresent()) {
            throw new ServerRefusal(ServerRefusal.QUEUE_FULL, full.get(), id);
        }
        connection.send(Frames.ok(id).put("serverId", queued.serverId()).put("timestamp", queued.sentAt()));
        ObjectNode out = toFrame(queued);
        ServerContext.pushTo(context.sessions.available(to), out);
        // The sender's other clients see what was said from this one.
        ServerContext.pushTo(context.sessions.available(connection.user()).stream()
                .filter(c -> c != connection).toList(), out);
    }

    private void receipt(ClientConnection connection, ObjectNode frame) throws FrameException, SQLException {
        String id = Frames.id(frame);
        String kind = Frames.text(frame, "kind");
        if (!kind.equals("delivered") && !kind.equals("read")) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "\"kind\" must be delivered or read", false, id);
        }
        String to = recipient(frame, id);
        String clientId = clientId(frame, id);
        String serverId = Frames.text(frame, "serverId", null);
        if (kind.equals("delivered") && serverId != null) {
            context.queue.acknowledge(connection.user(), serverId);
        }
        // Only a receipt for a message that really went from its target to its author is passed
        // on: anything else would let anyone tell anyone that anything was read.
        if (!context.queue.wasSent(to, connection.user(), clientId, serverId)) {
            throw new ServerRefusal(ServerRefusal.UNKNOWN_MESSAGE, to + " sent you no message " + clientId
                    + (serverId == null ? "" : " (" + serverId + ")") + " lately", id);
        }
        QueueStore.QueuedReceipt receipt = new QueueStore.QueuedReceipt(0, to, connection.user(), kind, clientId,
                serverId, Instant.now().toString());
        boolean handed = false;
        for (ClientConnection target : context.sessions.available(to)) {
            handed |= target.send(toFrame(receipt));
        }
        if (!handed) {
            Optional<String> full = context.queue.addReceipt(receipt);
            if (full.isPresent()) {
                throw new ServerRefusal(ServerRefusal.QUEUE_FULL, full.get(), id);
            }
        }
        if (id != null) {
            connection.send(Frames.ok(id));
        }
    }

    private void typing(ClientConnection connection, ObjectNode frame) throws FrameException, SQLException {
        String id = Frames.id(frame);
        String to = recipient(frame, id);
        String state = Frames.text(frame, "state");
        if (!List.of("composing", "paused", "idle").contains(state)) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "\"state\" must be composing, paused or idle", false, id);
        }
        // Typing is not stored: it means nothing later.
        ServerContext.pushTo(context.sessions.available(to),
                Frames.frame("typing").put("from", connection.user()).put("state", state));
        if (id != null) {
            connection.send(Frames.ok(id));
        }
    }

    /** Everything queued for a connection that just became available. */
    void sendQueued(ClientConnection connection) throws SQLException {
        // Page by page: a long queue is never all in memory, and each send on this connection's own
        // thread waits for its outbox to have room, so a slow client slows the catch-up down.
        long after = 0;
        List<QueueStore.QueuedMessage> messages;
        do {
            messages = context.queue.messagesFor(connection.user(), after, CATCH_UP_PAGE);
            for (QueueStore.QueuedMessage m : messages) {
                if (!connection.send(toFrame(m))) {
                    return;
                }
                after = m.seq();
            }
        } while (messages.size() == CATCH_UP_PAGE);
        after = 0;
        List<QueueStore.QueuedReceipt> receipts;
        do {
            receipts = context.queue.receiptsFor(connection.user(), after, CATCH_UP_PAGE);
            for (QueueStore.QueuedReceipt r : receipts) {
                if (!connection.send(toFrame(r))) {
                    return;
                }
                context.queue.removeReceipt(r.seq());
                after = r.seq();
            }
        } while (receipts.size() == CATCH_UP_PAGE);
    }

    private String recipient(ObjectNode frame, String id) throws FrameException, SQLException {
        String raw = Frames.text(frame, "to");
        Optional<String> to = UserStore.normalize(raw);
        if (to.isEmpty() || !context.users.exists(to.get())) {
            throw new FrameException(ErrorCode.UNKNOWN_USER, "there is no user " + raw, false, id);
        }
        return to.get();
    }

    private static String clientId(ObjectNode frame, String id) throws FrameException {
        String clientId = Frames.text(frame, "clientId");
        if (clientId.length() > MAX_CLIENT_ID) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "\"clientId\" is over " + MAX_CLIENT_ID + " characters",
                    false, id);
        }
        return clientId;
    }

    private static ObjectNode toFrame(QueueStore.QueuedMessage m) {
        return Frames.frame("message").put("from", m.sender()).put("to", m.recipient()).put("clientId", m.clientId())
                .put("serverId", m.serverId()).put("timestamp", m.sentAt()).put("body", m.body());
    }

    private static ObjectNode toFrame(QueueStore.QueuedReceipt r) {
        ObjectNode frame = Frames.frame("receipt").put("kind", r.kind()).put("from", r.sender())
                .put("clientId", r.clientId()).put("timestamp", r.at());
        if (r.serverId() != null) {
            frame.put("serverId", r.serverId());
        }
        return frame;
    }
}
