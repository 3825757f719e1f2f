package org.switchboard.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.irc.Sessions.TIMEOUT;
import static org.switchboard.irc.Sessions.join;
import static org.switchboard.irc.Sessions.unique;

import org.junit.jupiter.api.Test;
import org.switchboard.irc.Sessions.Client;
import org.switchboard.irc.testing.RawIrcClient;
import org.switchboard.protocol.event.ProtocolEvent.RoomActivityOccurred;
import org.switchboard.protocol.event.ProtocolEvent.RoomInvitationReceived;
import org.switchboard.protocol.event.ProtocolEvent.RoomJoined;
import org.switchboard.protocol.event.ProtocolEvent.RoomLeft;
import org.switchboard.protocol.event.ProtocolEvent.RoomMessageReceived;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.OutgoingRoomMessage;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomOccupant;
import org.switchboard.protocol.model.RoomRole;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.capability.GroupChat;

/** Channels on a real ngircd, with a raw client as the channel operator who sets modes and kicks. */
class IrcGroupChatTest extends OnNgircd {

    private Client user(String prefix) throws Exception {
        return sessions.connected(server.account(unique(prefix)));
    }

    private static RoomJoined joinRoom(Client client, String channel) throws Exception {
        GroupChat rooms = client.need(GroupChat.class);
        RoomAddress room = rooms.room(channel);
        join(rooms.join(room, null, null));
        return client.events().await(RoomJoined.class, e -> e.room().equals(room), TIMEOUT);
    }

    private static RoomOccupant occupant(RoomJoined joined, String nick) {
        return joined.occupants().stream().filter(o -> o.nick().equals(nick)).findFirst()
                .orElseThrow(() -> new AssertionError(nick + " not in " + joined.occupants()));
    }

    private static boolean roleChanged(RoomActivityOccurred e, String nick, RoomRole role) {
        return e.activity() instanceof RoomActivity.RoleChanged r && r.nick().equals(nick) && r.role() == role;
    }

    @Test
    void membersCarryTheirPrefixesAndRoleChangesFollowModes() throws Exception {
        String channel = unique("#roles");
        try (RawIrcClient op = RawIrcClient.connect(server, unique("op"))) {
            op.send("JOIN " + channel);
            op.await(l -> l.contains(" 366 "), TIMEOUT);
            op.send("TOPIC " + channel + " :\u0002Plans\u0002 for \u000304today\u0003 今天");
            op.await(l -> l.contains(" TOPIC "), TIMEOUT);

            Client alice = user("alice");
            String aliceNick = alice.config().settings().get(IrcSettings.NICK);
            RoomJoined aliceIn = joinRoom(alice, channel);
            assertThat(aliceIn.topic()).isEqualTo("Plans for today 今天");
            assertThat(occupant(aliceIn, op.nick()).role()).isEqualTo(RoomRole.MODERATOR);
            assertThat(occupant(aliceIn, aliceNick).role()).isEqualTo(RoomRole.MEMBER);
            assertThat(occupant(aliceIn, op.nick()).address()).isNull();

            op.send("MODE " + channel + " +v " + aliceNick);
            alice.events().await(RoomActivityOccurred.class, e -> roleChanged(e, aliceNick, RoomRole.VOICED), TIMEOUT);
            op.send("MODE " + channel + " +o " + aliceNick);
            alice.events().await(RoomActivityOccurred.class, e -> roleChanged(e, aliceNick, RoomRole.MODERATOR), TIMEOUT);

            // With multi-prefix the member list says @+: taking the @ leaves the +.
            Client bob = user("bob");
            RoomJoined bobIn = joinRoom(bob, channel);
            assertThat(occupant(bobIn, aliceNick).role()).isEqualTo(RoomRole.MODERATOR);
            op.send("MODE " + channel + " -o " + aliceNick);
            bob.events().await(RoomActivityOccurred.class, e -> roleChanged(e, aliceNick, RoomRole.VOICED), TIMEOUT);
            op.send("MODE " + channel + " -v " + aliceNick);
            bob.events().await(RoomActivityOccurred.class, e -> roleChanged(e, aliceNick, RoomRole.MEMBER), TIMEOUT);

            op.send("TOPIC " + channel + " :\u001Fnew\u001F topic");
            bob.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.TopicChanged t
                    && t.topic().equals("new topic") && t.by().equals(op.nick()), TIMEOUT);
        }
    }

    @Test
    void joinsPartsQuitsKicksAndNickChangesAreActivities() throws Exception {
        String channel = unique("#life");
        try (RawIrcClient op = RawIrcClient.connect(server, unique("op"))) {
            op.send("JOIN " + channel);
            op.await(l -> l.contains(" 366 "), TIMEOUT);
            Client alice = user("alice");
            RoomAddress room = joinRoom(alice, channel).room();
            Client bob = user("bob");
            String bobNick = bob.config().settings().get(IrcSettings.NICK);
            joinRoom(bob, channel);
            alice.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.Joined j
                    && j.occupant().nick().equals(bobNick) && j.occupant().address() != null, TIMEOUT);

            String renamed = unique("bobby");
            join(bob.need(GroupChat.class).changeNick(room, renamed));
            assertThat(bob.need(GroupChat.class).nick(room)).isEqualTo(renamed);
            alice.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.NickChanged n
                    && n.oldNick().equals(bobNick) && n.newNick().equals(renamed), TIMEOUT);

            op.send("KICK " + channel + " " + renamed + " :behave 请");
            alice.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.Kicked k
                    && k.nick().equals(renamed) && k.by().equals(op.nick()) && k.reason().equals("behave 请"), TIMEOUT);
            RoomLeft kicked = bob.events().await(RoomLeft.class, e -> e.kicked(), TIMEOUT);
            assertThat(kicked.reason()).contains("behave 请");
            assertThat(bob.need(GroupChat.class).joined()).isEmpty();

            Client carol = user("carol");
            String carolNick = carol.config().settings().get(IrcSettings.NICK);
            RoomAddress carolRoom = joinRoom(carol, channel).room();
            join(carol.need(GroupChat.class).leave(carolRoom, "later 再见"));
            alice.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.Left l
                    && l.nick().equals(carolNick) && l.reason().equals("later 再见"), TIMEOUT);

            Client dave = user("dave");
            String daveNick = dave.config().settings().get(IrcSettings.NICK);
            joinRoom(dave, channel);
            dave.session().close();
            alice.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.Quit q
                    && q.nick().equals(daveNick), TIMEOUT);
            RoomJoined again = joinRoom(user("erin"), channel);
            assertThat(again.occupants()).extracting(RoomOccupant::nick).doesNotContain(daveNick, carolNick, renamed);
        }
    }

    @Test
    void actionsNoticesAndFormattingArriveCleanAndOwnMessagesComeBackWithTheirId() throws Exception {
        String channel = unique("#talk");
        try (RawIrcClient peer = RawIrcClient.connect(server, unique("peer"))) {
            peer.send("JOIN " + channel);
            peer.await(l -> l.contains(" 366 "), TIMEOUT);
            Client alice = user("alice");
            RoomAddress room = joinRoom(alice, channel).room();

            peer.send("PRIVMSG " + channel + " :\u0001ACTION dances 跳舞\u0001");
            RoomMessageReceived action = alice.events().await(RoomMessageReceived.class,
                    e -> e.message().body().equals("/me dances 跳舞"), TIMEOUT);
            assertThat(action.message().sender()).isEqualTo(peer.nick());
            assertThat(action.message().kind()).isEqualTo(MessageKind.CHAT);

            peer.send("NOTICE " + channel + " :\u0002hear\u0002 \u000304,01ye\u0003 \u001Dye\u000F");
            RoomMessageReceived notice = alice.events().await(RoomMessageReceived.class,
                    e -> e.message().kind() == MessageKind.NOTICE, TIMEOUT);
            assertThat(notice.message().body()).isEqualTo("hear ye ye");

            peer.send("PRIVMSG " + channel + " :\u0001VERSION\u0001");
            peer.send("PRIVMSG " + channel + " :after the ctcp");
            alice.events().await(RoomMessageReceived.class, e -> e.message().body().equals("after the ctcp"), TIMEOUT);
            assertThat(alice.events().all(RoomMessageReceived.class)).noneMatch(e -> e.message().body().contains("VERSION"));

            MessageId id = MessageId.newClientId();
            join(alice.need(GroupChat.class).send(new OutgoingRoomMessage(id, room, "/me waves 挥手")));
            peer.await(l -> l.endsWith("PRIVMSG " + channel + " :\u0001ACTION waves 挥手\u0001"), TIMEOUT);
            RoomMessageReceived own = alice.events().await(RoomMessageReceived.class,
                    e -> e.message().direction() == Direction.OUTGOING, TIMEOUT);
            assertThat(own.message().id()).isEqualTo(id);
            assertThat(own.message().body()).isEqualTo("/me waves 挥手");
        }
    }

    @Test
    void invitationsAreReportedAndRefusalsFailWithReasons() throws Exception {
        String channel = unique("#closed");
        try (RawIrcClient op = RawIrcClient.connect(server, unique("op"))) {
            op.send("JOIN " + channel);
            op.await(l -> l.contains(" 366 "), TIMEOUT);
            op.send("MODE " + channel + " +mk sesame");
            op.await(l -> l.contains(" MODE " + channel), TIMEOUT);

            Client alice = user("alice");
            String aliceNick = alice.config().settings().get(IrcSettings.NICK);
            GroupChat rooms = alice.need(GroupChat.class);
            RoomAddress room = rooms.room(channel);
            assertThatThrownBy(() -> join(rooms.join(room, null, "wrong")))
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.REJECTED));
            assertThat(rooms.joined()).isEmpty();

            join(rooms.join(room, null, "sesame"));
            alice.events().await(RoomJoined.class, e -> e.room().equals(room), TIMEOUT);
            // Moderated, and alice has no voice: the server answers ERR_CANNOTSENDTOCHAN.
            assertThatThrownBy(() -> join(rooms.send(new OutgoingRoomMessage(MessageId.newClientId(), room, "may I?"))))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ProtocolException.Reason.REJECTED);
                        assertThat(e.getMessage()).contains("cannot send");
                    });

            op.send("INVITE " + aliceNick + " " + unique("#party"));
            RoomInvitationReceived invitation = alice.events().await(RoomInvitationReceived.class, TIMEOUT);
            assertThat(invitation.from()).isEqualTo(op.nick());
            assertThat(invitation.room().name()).startsWith("#party");

            Client bob = user("bob");
            String bobNick = bob.config().settings().get(IrcSettings.NICK);
            RoomAddress own = joinRoom(alice, unique("#mine")).room();
            join(rooms.invite(own, alice.address(bobNick), null));
            RoomInvitationReceived atBob = bob.events().await(RoomInvitationReceived.class, TIMEOUT);
            assertThat(atBob.room()).isEqualTo(bob.need(GroupChat.class).room(own.name()));
            assertThat(atBob.from()).isEqualTo(aliceNick);

            assertThat(rooms.supports(GroupChat.Feature.TOPIC)).isTrue();
            assertThat(rooms.supports(GroupChat.Feature.NICK_PER_ROOM)).isFalse();
            assertThat(rooms.room("Switchboard").name()).isEqualTo("#switchboard");
            assertThat(rooms.room("&Local").name()).isEqualTo("&local");
            assertThatThrownBy(() -> rooms.room("two words")).isInstanceOf(IllegalArgumentException.class);
        }
    }

}
