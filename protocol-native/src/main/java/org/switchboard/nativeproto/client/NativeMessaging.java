package org.switchboard.nativeproto.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.event.ProtocolEvent.MessageStatusChanged;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.model.TypingState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Receipts;
import org.switchboard.protocol.spi.capability.Typing;

/** Messages, receipts and typing: the capabilities that travel between two users. */
final class NativeMessaging implements Messaging, Receipts, Typing {

    private final NativeSession session;

    NativeMessaging(NativeSession session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<MessageId> send(OutgoingMessage message) {
        String body = message.body();
        if (body.isBlank()) {
            return CompletableFuture.failedFuture(new ProtocolException(Reason.INVALID_INPUT, "The message is empty"));
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBodyBytes()) {
            return CompletableFuture.failedFuture(new ProtocolException(Reason.INVALID_INPUT,
                    "The message is " + bytes + " bytes long; the most is " + maxBodyBytes()));
        }
        ContactAddress to = message.to();
        ObjectNode frame = Frames.frame("message").put("to", NativeSession.handle(to))
                .put("clientId", message.id().clientId()).put("body", body);
        CompletableFuture<MessageId> sent = session.request(frame, ack -> {
            MessageId id = message.id().withNetworkId(Frames.text(ack, "serverId", null));
            session.emit(new MessageStatusChanged(session.account(), to, id, MessageStatus.SENT, null));
            return id;
        });
        sent.exceptionally(e -> {
            ProtocolException failure = ProtocolException.from(e);
            // Transient refusals (rate limit, timeout) are the caller's to retry: not a verdict.
            if (failure.reason() != Reason.NOT_CONNECTED && !failure.isTransient()) {
                session.emit(new MessageStatusChanged(session.account(), to, message.id(), MessageStatus.FAILED,
                        failure.getMessage()));
            }
            return null;
        });
        return sent;
    }

    @Override
    public void stored(ContactAddress from, MessageId id) {
        // The delivered receipt also tells the server it may drop its queued copy (PROTOCOL.md §9).
        ObjectNode receipt = Frames.frame("receipt").put("kind", "delivered").put("to", NativeSession.handle(from))
                .put("clientId", id.clientId());
        id.network().ifPresent(serverId -> receipt.put("serverId", serverId));
        session.sendQuietly(receipt);
    }

    @Override
    public int maxBodyBytes() {
        return session.maxBodyBytes();
    }

    @Override
    public CompletableFuture<Void> markRead(ContactAddress from, MessageId message) {
        ObjectNode frame = Frames.frame("receipt").put("kind", "read").put("to", NativeSession.handle(from))
                .put("clientId", message.clientId());
        message.network().ifPresent(id -> frame.put("serverId", id));
        return session.request(frame, ok -> null);
    }

    @Override
    public CompletableFuture<Void> setTyping(ContactAddress to, TypingState state) {
        return session.request(Frames.frame("typing").put("to", NativeSession.handle(to))
                .put("state", state.name().toLowerCase(Locale.ROOT)), ok -> null);
    }
}
