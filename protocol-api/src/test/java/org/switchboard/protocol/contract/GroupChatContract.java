package org.switchboard.protocol.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.protocol.contract.ProtocolContractTest.Client;
import org.switchboard.protocol.event.ProtocolEvent.RoomActivityOccurred;
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
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.capability.GroupChat;

/** The {@link GroupChat} part of the contract, run by {@link ProtocolContractTest} when both test users have it. */
final class GroupChatContract {

    private final ProtocolContractTest test;
    private final Duration timeout;

    GroupChatContract(ProtocolContractTest test) {
        this.test = test;
        this.timeout = test.timeout();
    }

    static String uniqueRoomName() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "sbroom" + HexFormat.of().formatHex(bytes);
    }

    /** Alice opens a room, Bob joins; members, messages, topic and leaving are seen on both sides. */
    void roomsCarryMembersMessagesTopicAndLeaving(Client alice, Client bob) throws Exception {
        GroupChat aliceRooms = alice.need(GroupChat.class);
        GroupChat bobRooms = bob.need(GroupChat.class);
        String name = uniqueRoomName();
        RoomAddress aliceRoom = aliceRooms.room(name);
        RoomAddress bobRoom = bobRooms.room(name);
        assertThat(aliceRoom.name()).isEqualTo(bobRoom.name());

        test.join(aliceRooms.join(aliceRoom, null, null));
        RoomJoined aliceIn = alice.events().await(RoomJoined.class, e -> e.room().equals(aliceRoom), timeout);
        assertThat(aliceRooms.joined()).contains(aliceRoom);
        assertThat(aliceRooms.nick(aliceRoom)).isEqualTo(aliceIn.ownNick());
        assertThat(aliceIn.occupants()).extracting(RoomOccupant::nick).contains(aliceIn.ownNick());

        test.join(bobRooms.join(bobRoom, null, null));
        RoomJoined bobIn = bob.events().await(RoomJoined.class, e -> e.room().equals(bobRoom), timeout);
        assertThat(bobIn.occupants()).extracting(RoomOccupant::nick)
                .contains(aliceIn.ownNick(), bobIn.ownNick());
        alice.events().await(RoomActivityOccurred.class, e -> e.room().equals(aliceRoom)
                && e.activity() instanceof RoomActivity.Joined j && j.occupant().nick().equals(bobIn.ownNick()),
                timeout);

        MessageId id = MessageId.newClientId();
        test.join(aliceRooms.send(new OutgoingRoomMessage(id, aliceRoom, "hello room 大家好")));
        RoomMessageReceived heard = bob.events().await(RoomMessageReceived.class,
                e -> e.message().room().equals(bobRoom) && e.message().body().equals("hello room 大家好")
                        && !e.message().archived(), timeout);
        assertThat(heard.message().sender()).isEqualTo(aliceIn.ownNick());
        assertThat(heard.message().direction()).isEqualTo(Direction.INCOMING);
        assertThat(heard.message().kind()).isEqualTo(MessageKind.CHAT);

        test.join(bobRooms.send(new OutgoingRoomMessage(MessageId.newClientId(), bobRoom, "/me waves")));
        alice.events().await(RoomMessageReceived.class, e -> e.message().room().equals(aliceRoom)
                && e.message().body().equals("/me waves") && e.message().sender().equals(bobIn.ownNick()), timeout);

        if (aliceRooms.supports(GroupChat.Feature.TOPIC)) {
            test.join(aliceRooms.setTopic(aliceRoom, "Plans 计划"));
            bob.events().await(RoomActivityOccurred.class, e -> e.room().equals(bobRoom)
                    && e.activity() instanceof RoomActivity.TopicChanged t && t.topic().equals("Plans 计划"), timeout);
        }

        test.join(bobRooms.leave(bobRoom, "bye"));
        bob.events().await(RoomLeft.class, e -> e.room().equals(bobRoom) && !e.kicked(), timeout);
        assertThat(bobRooms.joined()).doesNotContain(bobRoom);
        alice.events().await(RoomActivityOccurred.class, e -> e.room().equals(aliceRoom)
                && e.activity() instanceof RoomActivity.Left l && l.nick().equals(bobIn.ownNick()), timeout);
    }

    /** Empty text and rooms the user is not in are refused with a reason, not sent or hung on. */
    void badRoomMessagesAreRefused(Client alice) throws Exception {
        GroupChat rooms = alice.need(GroupChat.class);
        RoomAddress room = rooms.room(uniqueRoomName());
        assertThatThrownBy(() -> test.join(rooms.send(new OutgoingRoomMessage(MessageId.newClientId(), room, "not in"))))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason())
                        .isIn(ProtocolException.Reason.REJECTED, ProtocolException.Reason.NOT_CONNECTED));
        test.join(rooms.join(room, null, null));
        assertThatThrownBy(() -> test.join(rooms.send(new OutgoingRoomMessage(MessageId.newClientId(), room, " "))))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.INVALID_INPUT));
        assertThatThrownBy(() -> rooms.room(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
