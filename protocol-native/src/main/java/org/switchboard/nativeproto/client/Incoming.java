package org.switchboard.nativeproto.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.event.ProtocolEvent.ContactAdded;
import org.switchboard.protocol.event.ProtocolEvent.ContactRemoved;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.MessageStatusChanged;
import org.switchboard.protocol.event.ProtocolEvent.PresenceChanged;
import org.switchboard.protocol.event.ProtocolEvent.SubscriptionRequested;
import org.switchboard.protocol.event.ProtocolEvent.TypingChanged;
import org.switchboard.protocol.model.ChatMessage;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.TypingState;
import org.switchboard.protocol.spi.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the server's pushes on one connection into events, on that connection's reader thread. */
final class Incoming implements ClientLink.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(Incoming.class);

    private final NativeSession session;
    private final ClientLink link;
    private final long attempt;

    Incoming(NativeSession session, ClientLink link, long attempt) {
        this.session = session;
        this.link = link;
        this.attempt = attempt;
    }

    @Override
    public void onPush(ObjectNode frame) {
        switch (Frames.type(frame)) {
            case "message" -> message(frame);
            case "receipt" -> receipt(frame);
            case "presence" -> {
                String user = Frames.text(frame, "user", "");
                PresenceStatus status = SessionView.presenceOf(frame);
                session.view.presence(user, status);
                session.emit(new PresenceChanged(session.account(), session.address(user), status));
            }
            case "contact" -> session.emit(new ContactAdded(session.account(),
                    session.view.put(session, frame.path("contact"))));
            case "contact-removed" -> {
                String user = Frames.text(frame, "user", "");
                session.view.remove(user);
                session.emit(new ContactRemoved(session.account(), session.address(user)));
            }
            case "subscribe-request" -> session.emit(new SubscriptionRequested(session.account(),
                    session.address(Frames.text(frame, "from", "")), Frames.text(frame, "text", "")));
            case "typing" -> session.emit(new TypingChanged(session.account(),
                    session.address(Frames.text(frame, "from", "")), typing(Frames.text(frame, "state", "idle"))));
            default -> LOG.debug("Ignoring a {} frame this client does not know", Frames.type(frame));
        }
    }

    @Override
    public void onBroken(ProtocolException cause) {
        session.broken(attempt, cause);
    }

    private void message(ObjectNode frame) {
        String from = Frames.text(frame, "from", "");
        String to = Frames.text(frame, "to", "");
        String clientId = Frames.text(frame, "clientId", "");
        String serverId = Frames.text(frame, "serverId", null);
        if (from.isBlank() || to.isBlank() || clientId.isBlank()) {
            LOG.warn("Ignoring a message frame without from, to or clientId");
            return;
        }
        boolean outgoing = from.equals(session.username());
        // Every push reaches the app, repeats included: the server pushes a message again until
        // the app has stored it (Messaging.stored), and the app recognises repeats by id.
        ChatMessage message = new ChatMessage(new MessageId(clientId, serverId),
                session.address(outgoing ? to : from), outgoing ? Direction.OUTGOING : Direction.INCOMING,
                Frames.text(frame, "body", ""), instant(Frames.text(frame, "timestamp", null)));
        session.emit(new MessageReceived(session.account(), message));
    }

    private void receipt(ObjectNode frame) {
        String clientId = Frames.text(frame, "clientId", "");
        if (clientId.isBlank()) {
            return;
        }
        MessageStatus status = "read".equals(Frames.text(frame, "kind", "")) ? MessageStatus.READ : MessageStatus.DELIVERED;
        session.emit(new MessageStatusChanged(session.account(), session.address(Frames.text(frame, "from", "?")),
                new MessageId(clientId, Frames.text(frame, "serverId", null)), status, null));
    }

    private static TypingState typing(String wire) {
        return switch (wire) {
            case "composing" -> TypingState.COMPOSING;
            case "paused" -> TypingState.PAUSED;
            default -> TypingState.IDLE;
        };
    }

    private static Instant instant(String text) {
        try {
            return text == null ? Instant.now() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
