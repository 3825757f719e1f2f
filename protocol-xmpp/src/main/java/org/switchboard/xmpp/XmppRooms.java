package org.switchboard.xmpp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.bookmarks.BookmarkManager;
import org.jivesoftware.smackx.bookmarks.BookmarkedConference;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.event.ProtocolEvent.RoomActivityOccurred;
import org.switchboard.protocol.event.ProtocolEvent.RoomInvitationReceived;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingRoomMessage;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.GroupChat;

/**
 * Multi-user chat (XEP-0045) on the conference service the server names in its disco items,
 * with mediated invitations and bookmarks (XEP-0048 in private storage, which Prosody mirrors to
 * XEP-0402). Rooms bookmarked with autojoin are joined after login and reported like any join.
 */
final class XmppRooms implements GroupChat, SessionPart {

    private static final Logger LOG = LoggerFactory.getLogger(XmppRooms.class);
    private static final int HISTORY_ON_JOIN = 20;

    private final XmppSession session;
    private final Map<EntityBareJid, JoinedRoom> joined = new ConcurrentHashMap<>();
    private volatile Optional<DomainBareJid> service = Optional.empty();
    private volatile boolean bookmarks;

    XmppRooms(XmppSession session) {
        this.session = session;
    }

    @Override
    public void attach(XMPPTCPConnection connection) {
        MultiUserChatManager manager = MultiUserChatManager.getInstanceFor(connection);
        manager.setAutoJoinOnReconnect(false);
        manager.addInvitationListener((conn, room, inviter, reason, password, message, invitation) ->
                session.emit(new RoomInvitationReceived(session.account(), address(room.getRoom()),
                        inviter == null ? "" : inviter.asBareJid().toString(), reason == null ? "" : reason, password)));
    }

    @Override
    public void loggedIn(XMPPTCPConnection connection, ServerFeatures features) {
        service = features.conferenceService();
        bookmarks = features.privateStorage();
    }

    @Override
    public void detached() {
        for (JoinedRoom room : List.copyOf(joined.values())) {
            joined.remove(room.muc.getRoom());
            room.left("disconnected");
        }
    }

    /** Joins the rooms bookmarked with autojoin, after login; each is reported with RoomJoined. */
    void joinBookmarkedRooms() {
        if (!bookmarks) {
            return;
        }
        session.call(c -> BookmarkManager.getBookmarkManager(c).getBookmarkedConferences()).thenAccept(list -> {
            for (BookmarkedConference b : list) {
                if (b.isAutoJoin()) {
                    join(address(b.getJid()), b.getNickname() == null ? null : b.getNickname().toString(), b.getPassword())
                            .exceptionally(e -> {
                                LOG.info("Could not join bookmarked room {}: {}", b.getJid(), e.getMessage());
                                return null;
                            });
                }
            }
        }).exceptionally(e -> {
            LOG.info("Could not read bookmarks: {}", e.getMessage());
            return null;
        });
    }

    boolean isRoom(BareJid jid) {
        return jid instanceof EntityBareJid e && joined.containsKey(e);
    }

    void forget(JoinedRoom room) {
        joined.remove(room.muc.getRoom(), room);
        room.unlisten();
    }

    String nickOrDefault(RoomAddress room) {
        try {
            JoinedRoom r = joined.get(Jids.room(room));
            return r != null ? r.ownNick() : session.ownJid().getLocalpart().toString();
        } catch (ProtocolException e) {
            return session.ownJid().getLocalpart().toString();
        }
    }

    private RoomAddress address(EntityBareJid room) {
        return new RoomAddress(session.account(), room.toString());
    }

    @Override
    public boolean supports(Feature feature) {
        return feature != Feature.BOOKMARKS || bookmarks;
    }

    @Override
    public RoomAddress room(String userInput) {
        String input = userInput == null ? "" : userInput.strip();
        if (input.startsWith("#")) {
            input = input.substring(1);
        }
        if (input.isBlank()) {
            throw new IllegalArgumentException("A room needs a name");
        }
        try {
            EntityBareJid jid;
            if (input.contains("@")) {
                jid = JidCreate.entityBareFrom(input);
            } else {
                DomainBareJid conference = service.orElseThrow(() ->
                        new IllegalArgumentException("The server names no room service; give the full address (room@service)"));
                jid = JidCreate.entityBareFrom(input.toLowerCase(Locale.ROOT) + "@" + conference);
            }
            return address(jid);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + userInput + "\" is not a room name: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Void> join(RoomAddress room, String nick, String password) {
        return join(room, nick, password, true);
    }

    @Override
    public CompletableFuture<Void> join(RoomAddress room, String nick, String password, boolean replayHistory) {
        return session.call(c -> {
            EntityBareJid jid = Jids.room(room);
            JoinedRoom existing = joined.get(jid);
            if (existing != null && existing.muc.isJoined()) {
                return null;
            }
            String name = nick == null || nick.isBlank() ? c.getUser().getLocalpart().toString() : nick.strip();
            MultiUserChat muc = MultiUserChatManager.getInstanceFor(c).getMultiUserChat(jid);
            JoinedRoom entered = new JoinedRoom(session, this, room, muc);
            entered.listen();
            joined.put(jid, entered);
            try {
                MucEnterConfiguration.Builder config = muc.getEnterConfigurationBuilder(Resourcepart.from(name))
                        .timeoutAfter(c.getReplyTimeout());
                if (replayHistory) {
                    config.requestMaxStanzasHistory(HISTORY_ON_JOIN);
                } else {
                    config.requestNoHistory();
                }
                if (password != null && !password.isEmpty()) {
                    config.withPassword(password);
                }
                MultiUserChat.MucCreateConfigFormHandle created = muc.createOrJoin(config.build());
                if (created != null) {
                    created.makeInstant();
                }
            } catch (Exception e) {
                joined.remove(jid, entered);
                entered.unlisten();
                throw e instanceof org.jivesoftware.smackx.muc.MultiUserChatException.NotAMucServiceException
                        ? new ProtocolException(Reason.REJECTED, room.name() + " is not a room", e) : e;
            }
            entered.announce(2000);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> leave(RoomAddress room, String reason) {
        return session.call(c -> {
            JoinedRoom r = joined.remove(Jids.room(room));
            if (r == null) {
                return null;
            }
            try {
                r.muc.leave();
            } finally {
                r.left("");
            }
            return null;
        });
    }

    @Override
    public Set<RoomAddress> joined() {
        return joined.values().stream().map(r -> r.address).collect(Collectors.toUnmodifiableSet());
    }

    private JoinedRoom in(RoomAddress room) throws ProtocolException {
        JoinedRoom r = joined.get(Jids.room(room));
        if (r == null) {
            throw new ProtocolException(Reason.REJECTED, "Not in the room " + room.name());
        }
        return r;
    }

    @Override
    public CompletableFuture<MessageId> send(OutgoingRoomMessage message) {
        try {
            XmppMessaging.checkBody(message.body());
            in(message.room());
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        return session.call(c -> {
            JoinedRoom r = in(message.room());
            String id = message.id().clientId();
            CountDownLatch echo = r.expectEcho(id);
            MessageBuilder builder = org.jivesoftware.smack.packet.StanzaBuilder.buildMessage(id)
                    .ofType(Message.Type.groupchat).to(r.muc.getRoom()).setBody(message.body())
                    .addExtension(new OriginIdElement(id));
            r.muc.sendMessage(builder);
            // The room's echo carries the id the room archived it under (XEP-0359).
            boolean echoed = echo.await(c.getReplyTimeout(), TimeUnit.MILLISECONDS);
            String networkId = r.echoedId(id);
            if (!echoed) {
                throw new ProtocolException(Reason.TIMEOUT, "The room did not confirm the message in time");
            }
            return message.id().withNetworkId(networkId);
        });
    }

    @Override
    public int maxBodyBytes() {
        return XmppMessaging.MAX_BODY_BYTES;
    }

    @Override
    public CompletableFuture<Void> setTopic(RoomAddress room, String topic) {
        return session.call(c -> {
            in(room).muc.changeSubject(topic == null ? "" : topic);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> changeNick(RoomAddress room, String nick) {
        return session.call(c -> {
            JoinedRoom r = in(room);
            String old = r.ownNick();
            r.changeNick(c, Resourcepart.from(nick.strip()));
            session.emit(new RoomActivityOccurred(session.account(), room, new RoomActivity.NickChanged(old, r.ownNick()),
                    java.time.Instant.now()));
            return null;
        });
    }

    @Override
    public String nick(RoomAddress room) {
        return nickOrDefault(room);
    }

    @Override
    public CompletableFuture<Void> invite(RoomAddress room, ContactAddress contact, String reason) {
        return session.call(c -> {
            in(room).muc.invite(Jids.entity(contact), reason == null ? "" : reason);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<RoomAddress>> bookmarks() {
        if (!bookmarks) {
            return CompletableFuture.completedFuture(List.of());
        }
        return session.call(c -> BookmarkManager.getBookmarkManager(c).getBookmarkedConferences().stream()
                .map(b -> address(b.getJid())).toList());
    }

    @Override
    public CompletableFuture<Void> bookmark(RoomAddress room, boolean keep) {
        if (!bookmarks) {
            return GroupChat.super.bookmark(room, keep);
        }
        return session.call(c -> {
            EntityBareJid jid = Jids.room(room);
            BookmarkManager manager = BookmarkManager.getBookmarkManager(c);
            if (keep) {
                JoinedRoom r = joined.get(jid);
                Resourcepart nick = r == null ? null : Resourcepart.fromOrNull(r.ownNick());
                manager.addBookmarkedConference(jid.getLocalpart().toString(), jid, true, nick, null);
            } else {
                manager.removeBookmarkedConference(jid);
            }
            return null;
        });
    }
}
