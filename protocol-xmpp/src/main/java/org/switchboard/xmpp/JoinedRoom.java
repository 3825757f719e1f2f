package org.switchboard.xmpp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.MessageListener;
import org.jivesoftware.smack.PresenceListener;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.Occupant;
import org.jivesoftware.smackx.muc.ParticipantStatusListener;
import org.jivesoftware.smackx.muc.SubjectUpdatedListener;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.event.ProtocolEvent.RoomActivityOccurred;
import org.switchboard.protocol.event.ProtocolEvent.RoomJoined;
import org.switchboard.protocol.event.ProtocolEvent.RoomLeft;
import org.switchboard.protocol.event.ProtocolEvent.RoomMessageReceived;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomMessage;
import org.switchboard.protocol.model.RoomOccupant;
import org.switchboard.protocol.model.RoomRole;

/**
 * One room the user is in (XEP-0045), translating Smack's room listeners into events. What
 * arrives while joining (members already there, the history, the subject) is held back until
 * {@code RoomJoined} is reported, so the app sees the join first.
 */
final class JoinedRoom {

    private final XmppSession session;
    private final XmppRooms rooms;
    final RoomAddress address;
    final MultiUserChat muc;
    private final List<ProtocolEvent> held = new ArrayList<>();
    private final Map<String, RoomRole> roles = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> echoes = new ConcurrentHashMap<>();
    private final Map<String, String> echoIds = new ConcurrentHashMap<>();
    private final CountDownLatch subjectSeen = new CountDownLatch(1);
    private boolean announced;
    private volatile boolean resyncing;
    private volatile String topic = "";

    private final MessageListener messages = this::onMessage;
    private final PresenceListener presences = this::onPresence;
    private final SubjectUpdatedListener subjects = this::onSubject;
    private final ParticipantStatusListener participants = new ParticipantStatusListener() {
        @Override
        public void joined(EntityFullJid participant) {
            if (resyncing || nick(participant).equals(ownNick())) {
                return;
            }
            activity(new RoomActivity.Joined(occupant(participant)));
        }

        @Override
        public void left(EntityFullJid participant) {
            roles.remove(nick(participant));
            activity(new RoomActivity.Left(nick(participant), ""));
        }

        @Override
        public void kicked(EntityFullJid participant, Jid actor, String reason) {
            activity(new RoomActivity.Kicked(nick(participant), actor == null ? "" : actor.toString(), text(reason)));
        }

        @Override
        public void banned(EntityFullJid participant, Jid actor, String reason) {
            kicked(participant, actor, reason);
        }

        @Override
        public void nicknameChanged(EntityFullJid participant, Resourcepart newNickname) {
            RoomRole role = roles.remove(nick(participant));
            if (role != null) {
                roles.put(newNickname.toString(), role);
            }
            activity(new RoomActivity.NickChanged(nick(participant), newNickname.toString()));
        }
    };
    private final UserStatusListener self = new UserStatusListener() {
        @Override
        public void kicked(Jid actor, String reason) {
            removedFromRoom(text(reason).isEmpty() ? "kicked" + (actor == null ? "" : " by " + actor) : reason, true);
        }

        @Override
        public void banned(Jid actor, String reason) {
            removedFromRoom(text(reason).isEmpty() ? "banned" : reason, true);
        }

        @Override
        public void roomDestroyed(MultiUserChat alternateMuc, String reason) {
            removedFromRoom(text(reason).isEmpty() ? "the room was destroyed" : reason, false);
        }
    };

    JoinedRoom(XmppSession session, XmppRooms rooms, RoomAddress address, MultiUserChat muc) {
        this.session = session;
        this.rooms = rooms;
        this.address = address;
        this.muc = muc;
    }

    void listen() {
        muc.addMessageListener(messages);
        muc.addParticipantListener(presences);
        muc.addSubjectUpdatedListener(subjects);
        muc.addParticipantStatusListener(participants);
        muc.addUserStatusListener(self);
    }

    void unlisten() {
        muc.removeMessageListener(messages);
        muc.removeParticipantListener(presences);
        muc.removeSubjectUpdatedListener(subjects);
        muc.removeParticipantStatusListener(participants);
        muc.removeUserStatusListener(self);
    }

    /** The room sends its subject last when one joins (XEP-0045 §7.2.15): wait for it briefly, then report the join. */
    void announce(long waitMillis) throws InterruptedException {
        subjectSeen.await(waitMillis, TimeUnit.MILLISECONDS);
        List<RoomOccupant> occupants = new ArrayList<>();
        for (EntityFullJid jid : muc.getOccupants()) {
            occupants.add(occupant(jid));
        }
        synchronized (this) {
            session.emit(new RoomJoined(session.account(), address, ownNick(), occupants, topic));
            held.forEach(session::emit);
            held.clear();
            announced = true;
        }
    }

    /**
     * Changes the user's nick here. Smack 4.4.8's {@code changeNickname} deadlocks: it holds the
     * room's lock while waiting for the answer, and the answer (our own presence with status 303)
     * makes Smack's reader take that lock to mark the room as left. So the presence is sent
     * directly; Smack then considers the room left, and entering again under the new nick
     * (without history) makes it follow the room once more.
     */
    void changeNick(org.jivesoftware.smack.tcp.XMPPTCPConnection c, Resourcepart nick) throws Exception {
        EntityFullJid target = org.jxmpp.jid.impl.JidCreate.entityFullFrom(muc.getRoom(), nick);
        Presence ask = c.getStanzaFactory().buildPresenceStanza().to(target).ofType(Presence.Type.available).build();
        try (org.jivesoftware.smack.StanzaCollector answer = c.createStanzaCollectorAndSend(
                new org.jivesoftware.smack.filter.AndFilter(org.jivesoftware.smack.filter.FromMatchesFilter.createFull(target),
                        org.jivesoftware.smack.filter.StanzaTypeFilter.PRESENCE), ask)) {
            answer.nextResultOrThrow();
        }
        resyncing = true;
        try {
            if (!muc.isJoined()) {
                muc.join(muc.getEnterConfigurationBuilder(nick).requestNoHistory().timeoutAfter(c.getReplyTimeout()).build());
            }
        } finally {
            resyncing = false;
        }
    }

    String ownNick() {
        Resourcepart nick = muc.getNickname();
        return nick == null ? "" : nick.toString();
    }

    String topic() {
        return topic;
    }

    /** Registers a message about to be sent, to learn its room-assigned id from the echo. */
    CountDownLatch expectEcho(String clientId) {
        CountDownLatch latch = new CountDownLatch(1);
        echoes.put(clientId, latch);
        return latch;
    }

    String echoedId(String clientId) {
        echoes.remove(clientId);
        return echoIds.remove(clientId);
    }

    private void emit(ProtocolEvent event) {
        synchronized (this) {
            if (!announced) {
                held.add(event);
                return;
            }
            session.emit(event);
        }
    }

    private void activity(RoomActivity activity) {
        emit(new RoomActivityOccurred(session.account(), address, activity, Instant.now()));
    }

    private void onMessage(Message m) {
        if (m.getBody() == null || m.getFrom() == null || m.getFrom().getResourceOrNull() == null) {
            return;
        }
        String sender = m.getFrom().getResourceOrThrow().toString();
        MessageId id = Stanzas.id(m, muc.getRoom());
        boolean archived = Stanzas.delayed(m);
        boolean mine = sender.equals(ownNick());
        if (mine && !archived) {
            CountDownLatch waiting = echoes.get(id.clientId());
            if (waiting != null) {
                if (id.networkId() != null) {
                    echoIds.put(id.clientId(), id.networkId());
                }
                waiting.countDown();
            }
        }
        emit(new RoomMessageReceived(session.account(), new RoomMessage(id, address, sender,
                mine ? Direction.OUTGOING : Direction.INCOMING, m.getBody(), Stanzas.time(m), MessageKind.CHAT, archived)));
    }

    private void onSubject(String subject, EntityFullJid from) {
        String now = text(subject);
        boolean joining;
        synchronized (this) {
            joining = !announced;
            topic = now;
        }
        subjectSeen.countDown();
        if (!joining) {
            activity(new RoomActivity.TopicChanged(now, from == null || from.getResourceOrNull() == null
                    ? "" : from.getResourceOrThrow().toString()));
        }
    }

    private void onPresence(Presence presence) {
        if (presence.getType() != Presence.Type.available || presence.getFrom() == null
                || presence.getFrom().getResourceOrNull() == null) {
            return;
        }
        MUCUser user = Stanzas.extension(presence, MUCUser.class);
        if (user == null || user.getItem() == null) {
            return;
        }
        String nick = presence.getFrom().getResourceOrThrow().toString();
        RoomRole role = role(user.getItem().getAffiliation(), user.getItem().getRole());
        RoomRole before = roles.put(nick, role);
        if (before != null && before != role) {
            activity(new RoomActivity.RoleChanged(nick, role));
        }
    }

    private void removedFromRoom(String reason, boolean kicked) {
        rooms.forget(this);
        emit(new RoomLeft(session.account(), address, reason, kicked));
    }

    /** Reports leaving (by the user, or by losing the connection). */
    void left(String reason) {
        unlisten();
        emit(new RoomLeft(session.account(), address, reason, false));
    }

    private RoomOccupant occupant(EntityFullJid jid) {
        Occupant o = muc.getOccupant(jid);
        String nick = nick(jid);
        if (o == null) {
            return RoomOccupant.member(nick);
        }
        RoomRole role = role(o.getAffiliation(), o.getRole());
        roles.put(nick, role);
        return new RoomOccupant(nick, role, o.getJid() == null ? null : o.getJid().asBareJid().toString(), false);
    }

    static RoomRole role(MUCAffiliation affiliation, MUCRole role) {
        if (affiliation == MUCAffiliation.owner) {
            return RoomRole.OWNER;
        }
        if (affiliation == MUCAffiliation.admin) {
            return RoomRole.ADMIN;
        }
        if (role == MUCRole.moderator) {
            return RoomRole.MODERATOR;
        }
        if (role == MUCRole.visitor) {
            return RoomRole.VISITOR;
        }
        return RoomRole.MEMBER;
    }

    private static String nick(EntityFullJid jid) {
        return jid.getResourcepart().toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
