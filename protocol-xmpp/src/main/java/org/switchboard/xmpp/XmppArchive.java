package org.switchboard.xmpp;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements.MamResultExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.switchboard.protocol.event.ProtocolEvent.RoomMessageReceived;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomMessage;
import org.switchboard.protocol.spi.capability.ServerArchive;

/**
 * The server's message archive (XEP-0313): pages forward from a point and reports each message,
 * oldest first, with the archive's id as the network id, before the future completes.
 */
final class XmppArchive implements ServerArchive, SessionPart {

    private static final int PAGE = 50;

    private final XmppSession session;
    private final IncomingChat chat;

    XmppArchive(XmppSession session) {
        this.session = session;
        this.chat = new IncomingChat(session);
    }

    @Override
    public void attach(XMPPTCPConnection connection) {
    }

    @Override
    public CompletableFuture<Integer> fetchSince(String afterNetworkId, Instant since) {
        return reported(session.call(c -> {
            EntityBareJid own = c.getUser().asEntityBareJid();
            return page(MamManager.getInstanceFor(c), afterNetworkId, since, (result, m) -> {
                boolean mine = m.getFrom() != null && m.getFrom().asBareJid().equals(own);
                Jid peer = mine ? m.getTo() : m.getFrom();
                if (peer == null || m.getType() == Message.Type.groupchat) {
                    return false;
                }
                MessageId id = Stanzas.id(m, own);
                return chat.translate(m, mine ? Direction.OUTGOING : Direction.INCOMING, peer,
                        new MessageId(id.clientId(), result.getId()), false, Stanzas.time(result.getForwarded()));
            });
        }));
    }

    @Override
    public CompletableFuture<Integer> fetchRoomSince(RoomAddress room, String afterNetworkId, Instant since) {
        return reported(session.call(c -> {
            EntityBareJid roomJid = Jids.room(room);
            MamManager mam = MamManager.getInstanceFor(c, roomJid);
            String ownNick = session.rooms.nickOrDefault(room);
            return page(mam, afterNetworkId, since, (result, m) -> {
                if (m.getBody() == null || m.getFrom() == null || m.getFrom().getResourceOrNull() == null) {
                    return false;
                }
                String sender = m.getFrom().getResourceOrThrow().toString();
                MessageId id = Stanzas.id(m, roomJid);
                session.emit(new RoomMessageReceived(session.account(), new RoomMessage(
                        new MessageId(id.clientId(), result.getId()), room, sender,
                        sender.equals(ownNick) ? Direction.OUTGOING : Direction.INCOMING, m.getBody(),
                        Stanzas.time(result.getForwarded()), MessageKind.CHAT, true)));
                return true;
            });
        }));
    }

    /** The fetch completes only after its messages reached the listener, as the capability promises. */
    private CompletableFuture<Integer> reported(CompletableFuture<Integer> fetched) {
        return fetched.thenCompose(count -> session.delivered().thenApply(v -> count));
    }

    @FunctionalInterface
    private interface Reporter {
        boolean report(MamResultExtension result, Message message);
    }

    private static int page(MamManager mam, String afterId, Instant since, Reporter reporter) throws Exception {
        MamManager.MamQuery query;
        try {
            query = mam.queryArchive(args(afterId, since));
        } catch (XMPPException.XMPPErrorException e) {
            // An id the archive no longer knows: fall back to the time.
            if (afterId == null || e.getStanzaError().getCondition() != StanzaError.Condition.item_not_found) {
                throw e;
            }
            query = mam.queryArchive(args(null, since));
        }
        int reported = 0;
        while (true) {
            List<MamResultExtension> results = query.getPage().getMamResultExtensions();
            for (MamResultExtension result : results) {
                Forwarded<Message> forwarded = result.getForwarded();
                if (reporter.report(result, forwarded.getForwardedStanza())) {
                    reported++;
                }
            }
            if (query.isComplete() || results.isEmpty()) {
                return reported;
            }
            query.pageNext(PAGE);
        }
    }

    private static MamManager.MamQueryArgs args(String afterId, Instant since) {
        MamManager.MamQueryArgs.Builder b = MamManager.MamQueryArgs.builder().setResultPageSizeTo(PAGE);
        if (afterId != null && !afterId.isBlank()) {
            b.afterUid(afterId);
        } else if (since != null) {
            b.limitResultsSince(Date.from(since));
        }
        return b.build();
    }
}
