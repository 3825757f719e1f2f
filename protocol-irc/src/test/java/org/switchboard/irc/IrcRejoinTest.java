package org.switchboard.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.irc.Sessions.TIMEOUT;
import static org.switchboard.irc.Sessions.join;
import static org.switchboard.irc.Sessions.unique;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.switchboard.irc.Sessions.Client;
import org.switchboard.protocol.event.ProtocolEvent.ConnectionStateChanged;
import org.switchboard.protocol.event.ProtocolEvent.RoomJoined;
import org.switchboard.protocol.event.ProtocolEvent.RoomLeft;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.capability.GroupChat;
import org.switchboard.protocol.spi.capability.Messaging;

/** A server restart drops the session; after the app reconnects, the session is back in its channels. */
class IrcRejoinTest extends OnNgircd {

    @Test
    void channelsJoinedAndConfiguredAreJoinedAgainAfterAServerRestart() throws Exception {
        String configured = unique("#conf");
        String joinedLater = unique("#later");
        String left = unique("#left");
        Client alice = sessions.connected(Sessions.with(server.account(unique("alice")),
                Map.of(IrcSettings.CHANNELS, configured + ", " + unique("#keyed") + " secret")));
        GroupChat rooms = alice.need(GroupChat.class);
        RoomAddress configuredRoom = rooms.room(configured);
        alice.events().await(RoomJoined.class, e -> e.room().equals(configuredRoom), TIMEOUT);
        join(rooms.join(rooms.room(joinedLater), null, null));
        join(rooms.join(rooms.room(left), null, null));
        join(rooms.leave(rooms.room(left), null));
        assertThat(rooms.joined()).hasSize(3);

        server.restart();

        alice.events().await(ConnectionStateChanged.class, e -> e.state() == ConnectionState.FAILED
                && e.cause() != null && e.cause().isTransient(), TIMEOUT);
        Set<String> droppedRooms = alice.events().all(RoomLeft.class).stream().filter(e -> !e.kicked()
                && !e.reason().isEmpty()).map(e -> e.room().name()).collect(Collectors.toSet());
        assertThat(droppedRooms).hasSize(3).contains(configured, joinedLater).doesNotContain(left);
        assertThatThrownBy(() -> join(alice.need(Messaging.class).send(new OutgoingMessage(MessageId.newClientId(),
                alice.address("someone"), "while down"))))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.NOT_CONNECTED));

        join(alice.session().connect());
        for (String name : new String[] {configured, joinedLater}) {
            alice.events().await(RoomJoined.class, e -> e.room().name().equals(name)
                    && alice.events().all(RoomJoined.class).stream().filter(j -> j.room().name().equals(name)).count() == 2,
                    TIMEOUT);
        }
        // Four joins before the restart (two configured, two by hand), three after: the one left stays left.
        alice.events().await(RoomJoined.class, e -> alice.events().all(RoomJoined.class).size() == 7, TIMEOUT);
        assertThat(rooms.joined()).extracting(RoomAddress::name).doesNotContain(left).hasSize(3);
    }
}
