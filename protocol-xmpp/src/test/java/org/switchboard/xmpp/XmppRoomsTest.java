package org.switchboard.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.xmpp.XmppTestClients.TIMEOUT;
import static org.switchboard.xmpp.XmppTestClients.join;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.protocol.event.ProtocolEvent.RoomActivityOccurred;
import org.switchboard.protocol.event.ProtocolEvent.RoomInvitationReceived;
import org.switchboard.protocol.event.ProtocolEvent.RoomJoined;
import org.switchboard.protocol.event.ProtocolEvent.RoomLeft;
import org.switchboard.protocol.event.ProtocolEvent.RoomMessageReceived;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingRoomMessage;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomOccupant;
import org.switchboard.protocol.model.RoomRole;
import org.switchboard.protocol.spi.capability.GroupChat;
import org.switchboard.xmpp.XmppTestClients.Client;
import org.switchboard.xmpp.testing.ProsodyServer;

/** Multi-user chat against Prosody's conference service; a bare Smack client plays the room's owner where needed. */
class XmppRoomsTest {

    private static ProsodyServer server;
    private XmppTestClients clients;

    @BeforeAll
    static void start() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void open() {
        clients = new XmppTestClients(server);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void ownEchoHistoryNickChangeInvitationAndRoles() throws Exception {
        Client alice = clients.connected("muc");
        Client bob = clients.connected("muc");
        GroupChat rooms = alice.need(GroupChat.class);
        assertThat(rooms.supports(GroupChat.Feature.NICK_PER_ROOM)).isTrue();
        RoomAddress room = rooms.room("Lounge" + System.nanoTime());
        assertThat(room.name()).endsWith("@" + server.conferenceDomain());

        join(rooms.join(room, "alice", null));
        RoomJoined in = alice.events().await(RoomJoined.class, e -> e.room().equals(room), TIMEOUT);
        assertThat(in.occupants()).extracting(RoomOccupant::role).containsExactly(RoomRole.OWNER);

        MessageId sent = join(rooms.send(new OutgoingRoomMessage(MessageId.newClientId(), room, "first words")));
        RoomMessageReceived echo = alice.events().await(RoomMessageReceived.class,
                e -> e.message().body().equals("first words"), TIMEOUT);
        assertThat(echo.message().direction()).isEqualTo(Direction.OUTGOING);
        assertThat(echo.message().id().clientId()).isEqualTo(sent.clientId());
        assertThat(sent.networkId()).isNotNull().isEqualTo(echo.message().id().networkId());

        // The room's archive (MUC MAM) has the message under the id its echo carried.
        int archived = join(alice.need(org.switchboard.protocol.spi.capability.ServerArchive.class)
                .fetchRoomSince(room, null, java.time.Instant.now().minusSeconds(300)));
        assertThat(archived).isEqualTo(1);
        RoomMessageReceived fromArchive = alice.events().await(RoomMessageReceived.class,
                e -> e.message().archived() && e.message().body().equals("first words"), TIMEOUT);
        assertThat(fromArchive.message().id().networkId()).isEqualTo(sent.networkId());
        assertThat(fromArchive.message().direction()).isEqualTo(Direction.OUTGOING);

        join(rooms.invite(room, alice.address(bob), "come in"));
        RoomInvitationReceived invitation = bob.events().await(RoomInvitationReceived.class,
                e -> e.room().name().equals(room.name()), TIMEOUT);
        // Prosody relays the invitation from the room itself (mediated invitation, XEP-0045 §7.8.2).
        assertThat(invitation.from()).isNotBlank();
        assertThat(invitation.reason()).isEqualTo("come in");

        GroupChat bobRooms = bob.need(GroupChat.class);
        join(bobRooms.join(invitation.room(), "bob", null));
        bob.events().await(RoomJoined.class, e -> e.room().equals(invitation.room()), TIMEOUT);
        RoomMessageReceived history = bob.events().await(RoomMessageReceived.class,
                e -> e.message().body().equals("first words"), TIMEOUT);
        assertThat(history.message().archived()).isTrue();
        assertThat(history.message().sender()).isEqualTo("alice");

        join(bobRooms.changeNick(invitation.room(), "robert"));
        alice.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.NickChanged n
                && n.oldNick().equals("bob") && n.newNick().equals("robert"), TIMEOUT);
        assertThat(bobRooms.nick(invitation.room())).isEqualTo("robert");

        join(rooms.setTopic(room, "Plans 计划"));
        bob.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.TopicChanged t
                && t.topic().equals("Plans 计划") && t.by().equals("alice"), TIMEOUT);

        MultiUserChat ownerView = MultiUserChatManager.getInstanceFor(alice.session().live())
                .getMultiUserChat(JidCreate.entityBareFrom(room.name()));
        ownerView.grantModerator(Resourcepart.from("robert"));
        bob.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.RoleChanged r
                && r.nick().equals("robert") && r.role() == RoomRole.MODERATOR, TIMEOUT);
    }

    @Test
    void aKickedUserLeavesTheRoomAndOthersSeeTheKick() throws Exception {
        Client owner = clients.connected("kick");
        Client guest = clients.connected("kick");
        XMPPTCPConnection ownerClient = clients.bareSmack(owner.config(), "admin-tool");
        RoomAddress room = owner.need(GroupChat.class).room("kick" + System.nanoTime());
        join(owner.need(GroupChat.class).join(room, "boss", null));
        join(guest.need(GroupChat.class).join(guest.need(GroupChat.class).room(room.name()), "guest", null));
        owner.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.Joined j
                && j.occupant().nick().equals("guest"), TIMEOUT);

        MultiUserChat admin = MultiUserChatManager.getInstanceFor(ownerClient).getMultiUserChat(JidCreate.entityBareFrom(room.name()));
        admin.join(Resourcepart.from("boss-tool"));
        admin.kickParticipant(Resourcepart.from("guest"), "too loud");

        RoomLeft left = guest.events().await(RoomLeft.class, e -> e.room().name().equals(room.name()), TIMEOUT);
        assertThat(left.kicked()).isTrue();
        assertThat(left.reason()).contains("too loud");
        owner.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.Kicked k
                && k.nick().equals("guest") && k.reason().equals("too loud"), TIMEOUT);
        assertThat(guest.need(GroupChat.class).joined()).isEmpty();
    }

    @Test
    void bookmarkedRoomsAreJoinedAtLogin() throws Exception {
        Client alice = clients.connected("mark");
        GroupChat rooms = alice.need(GroupChat.class);
        assertThat(rooms.supports(GroupChat.Feature.BOOKMARKS)).isTrue();
        RoomAddress room = rooms.room("marked" + System.nanoTime());
        join(rooms.join(room, "alice", null));
        join(rooms.bookmark(room, true));
        assertThat(join(rooms.bookmarks())).contains(room);

        join(alice.session().disconnect());
        alice.events().await(RoomLeft.class, e -> e.room().equals(room), TIMEOUT);
        int joinsBefore = alice.events().all(RoomJoined.class).size();
        join(alice.session().connect());
        alice.events().await(RoomJoined.class, e -> e.room().equals(room)
                && alice.events().all(RoomJoined.class).size() > joinsBefore, TIMEOUT);

        join(rooms.bookmark(room, false));
        assertThat(join(rooms.bookmarks())).doesNotContain(room);
    }
}
