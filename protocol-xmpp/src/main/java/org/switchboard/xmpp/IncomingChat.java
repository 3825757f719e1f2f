package org.switchboard.xmpp;

import java.time.Instant;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jxmpp.jid.Jid;
import org.switchboard.protocol.event.ProtocolEvent.MessageCorrected;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.MessageStatusChanged;
import org.switchboard.protocol.event.ProtocolEvent.TypingChanged;
import org.switchboard.protocol.model.ChatMessage;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.TypingState;

/**
 * Translates one-to-one message stanzas (live, carbon copies, archived) into events: text,
 * corrections (XEP-0308), chat states (XEP-0085) and chat markers (XEP-0333).
 */
final class IncomingChat {

    private final XmppSession session;

    IncomingChat(XmppSession session) {
        this.session = session;
    }

    /**
     * @param direction INCOMING when the peer wrote it, OUTGOING when one of the user's clients did
     * @param peer      the other side of the conversation
     * @param id        the message's id (with the archive id when it came from the archive)
     * @param live      false for archived messages: no typing or marker events for those
     * @return whether a chat message (text) was reported
     */
    boolean translate(Message m, Direction direction, Jid peer, MessageId id, boolean live) {
        return translate(m, direction, peer, id, live, Stanzas.time(m));
    }

    boolean translate(Message m, Direction direction, Jid peer, MessageId id, boolean live, Instant at) {
        ContactAddress contact = session.address(peer);
        if (live && direction == Direction.INCOMING) {
            ChatStateExtension state = (ChatStateExtension) m.getExtension(ChatStateExtension.NAMESPACE);
            if (state != null) {
                session.emit(new TypingChanged(session.account(), contact, typing(state.getChatState())));
            }
            ChatMarkersElements.DisplayedExtension displayed = Stanzas.extension(m, ChatMarkersElements.DisplayedExtension.class);
            if (displayed != null) {
                session.emit(new MessageStatusChanged(session.account(), contact, MessageId.of(displayed.getId()),
                        MessageStatus.READ, ""));
            }
            ChatMarkersElements.ReceivedExtension received = Stanzas.extension(m, ChatMarkersElements.ReceivedExtension.class);
            if (received != null) {
                session.emit(new MessageStatusChanged(session.account(), contact, MessageId.of(received.getId()),
                        MessageStatus.DELIVERED, ""));
            }
        }
        String body = m.getBody();
        if (body == null) {
            return false;
        }
        MessageCorrectExtension correction = Stanzas.extension(m, MessageCorrectExtension.class);
        if (correction != null) {
            session.emit(new MessageCorrected(session.account(), contact, MessageId.of(correction.getIdInitialMessage()), body));
            return true;
        }
        session.emit(new MessageReceived(session.account(), new ChatMessage(id, contact, direction, body, at)));
        return true;
    }

    static TypingState typing(ChatState state) {
        return switch (state) {
            case composing -> TypingState.COMPOSING;
            case paused -> TypingState.PAUSED;
            default -> TypingState.IDLE;
        };
    }

    static ChatState chatState(TypingState state) {
        return switch (state) {
            case COMPOSING -> ChatState.composing;
            case PAUSED -> ChatState.paused;
            case IDLE -> ChatState.active;
        };
    }
}
