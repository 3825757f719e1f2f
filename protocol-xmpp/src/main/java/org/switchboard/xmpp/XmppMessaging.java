package org.switchboard.xmpp;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.OrFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.Jid;
import org.switchboard.protocol.event.ProtocolEvent.MessageStatusChanged;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.Corrections;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Receipts;
import org.switchboard.protocol.spi.capability.Typing;

/**
 * One-to-one messages. The app's client id travels as the stanza id and as the origin-id
 * (XEP-0359); a send completes when the server acknowledged the stanza (XEP-0198). Messages the
 * user sent from other clients arrive as carbon copies (XEP-0280) with direction OUTGOING.
 * Delivery receipts (XEP-0184) are sent for every message that asks, as it arrives: an XMPP
 * server keeps nothing for the app to acknowledge later (stream management acknowledges the
 * stanza, MAM keeps a copy), so {@link #stored} has nothing to do.
 */
final class XmppMessaging implements Messaging, SessionPart {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final XmppSession session;
    private final IncomingChat incoming;
    private final Typing typing;
    private final Receipts receipts;
    private final Corrections corrections;

    XmppMessaging(XmppSession session) {
        this.session = session;
        this.incoming = new IncomingChat(session);
        this.typing = (to, state) -> session.call(c -> {
            c.sendStanza(StanzaBuilder.buildMessage().to(Jids.entity(to)).ofType(Message.Type.chat)
                    .addExtension(new ChatStateExtension(IncomingChat.chatState(state)))
                    .addExtension(org.jivesoftware.smackx.hints.element.NoStoreHint.INSTANCE).build());
            return null;
        });
        this.receipts = (from, message) -> session.call(c -> {
            c.sendStanza(StanzaBuilder.buildMessage().to(Jids.entity(from)).ofType(Message.Type.chat)
                    .addExtension(new ChatMarkersElements.DisplayedExtension(message.clientId())).build());
            return null;
        });
        this.corrections = (peer, original, correction, newBody) ->
                send(Jids::entity, peer, correction, newBody,
                        b -> b.addExtension(new org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension(
                                original.clientId()))).thenApply(id -> null);
    }

    Typing typing() {
        return typing;
    }

    Receipts receipts() {
        return receipts;
    }

    Corrections corrections() {
        return corrections;
    }

    @Override
    public void attach(XMPPTCPConnection connection) {
        DeliveryReceiptManager delivery = DeliveryReceiptManager.getInstanceFor(connection);
        delivery.setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.always);
        delivery.addReceiptReceivedListener((from, to, receiptId, receipt) -> session.emit(new MessageStatusChanged(
                session.account(), session.address(from), MessageId.of(receiptId), MessageStatus.DELIVERED, "")));
        connection.addSyncStanzaListener(stanza -> onMessage((Message) stanza),
                new OrFilter(MessageTypeFilter.NORMAL_OR_CHAT, MessageTypeFilter.ERROR));
        CarbonManager.getInstanceFor(connection).addCarbonCopyReceivedListener((direction, copy, wrapper) -> {
            if (direction == CarbonExtension.Direction.sent) {
                incoming.translate(copy, Direction.OUTGOING, copy.getTo(), Stanzas.id(copy, session.ownJid()), true);
            } else {
                incoming.translate(copy, Direction.INCOMING, copy.getFrom(), Stanzas.id(copy, session.ownJid()), true);
            }
        });
    }

    @Override
    public void loggedIn(XMPPTCPConnection connection, ServerFeatures features) throws Exception {
        if (features.carbons()) {
            CarbonManager.getInstanceFor(connection).enableCarbons();
        }
    }

    private void onMessage(Message m) {
        Jid from = m.getFrom();
        if (from == null || CarbonExtension.from(m) != null || m.hasExtension(MUCUser.ELEMENT, MUCUser.NAMESPACE)
                || session.rooms.isRoom(from.asBareJid())) {
            return;
        }
        if (m.getType() == Message.Type.error) {
            if (m.getStanzaId() != null) {
                String why = m.getError() == null ? "refused" : m.getError().getCondition().toString();
                session.emit(new MessageStatusChanged(session.account(), session.address(from), MessageId.of(m.getStanzaId()),
                        MessageStatus.FAILED, "The server refused the message: " + why));
            }
            return;
        }
        incoming.translate(m, Direction.INCOMING, from, Stanzas.id(m, session.ownJid()), true);
    }

    @Override
    public CompletableFuture<MessageId> send(OutgoingMessage message) {
        return send(Jids::entity, message.to(), message.id(), message.body(), b -> b
                .addExtension(new DeliveryReceiptRequest())
                .addExtension(ChatMarkersElements.MarkableExtension.INSTANCE)
                .addExtension(new ChatStateExtension(ChatState.active)));
    }

    /** Addresses a contact or room. */
    @FunctionalInterface
    interface Addressing<A> {
        Jid jid(A address) throws ProtocolException;
    }

    /** Adds what one kind of message carries. */
    @FunctionalInterface
    interface Decoration {
        MessageBuilder apply(MessageBuilder builder);
    }

    private <A> CompletableFuture<MessageId> send(Addressing<A> addressing, A to, MessageId id, String body,
                                                  Decoration decoration) {
        try {
            checkBody(body);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        return session.call(c -> {
            Jid jid = addressing.jid(to);
            MessageBuilder builder = StanzaBuilder.buildMessage(id.clientId()).to(jid).ofType(Message.Type.chat)
                    .setBody(body).addExtension(new OriginIdElement(id.clientId()));
            sendAcknowledged(c, decoration.apply(builder).build());
            return id;
        });
    }

    static void checkBody(String body) throws ProtocolException {
        if (body == null || body.isBlank()) {
            throw new ProtocolException(Reason.INVALID_INPUT, "An empty message cannot be sent");
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            throw new ProtocolException(Reason.INVALID_INPUT, "The message is too long (" + bytes
                    + " bytes; at most " + MAX_BODY_BYTES + ")");
        }
    }

    /** Sends and, with stream management, waits until the server acknowledged the stanza. */
    void sendAcknowledged(XMPPTCPConnection c, Message stanza) throws Exception {
        if (!c.isSmEnabled()) {
            c.sendStanza(stanza);
            return;
        }
        CountDownLatch acked = new CountDownLatch(1);
        c.addStanzaIdAcknowledgedListener(stanza.getStanzaId(), s -> acked.countDown());
        c.sendStanza(stanza);
        if (!acked.await(c.getReplyTimeout(), TimeUnit.MILLISECONDS)) {
            throw new ProtocolException(Reason.TIMEOUT, "The server did not confirm the message in time");
        }
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }
}
