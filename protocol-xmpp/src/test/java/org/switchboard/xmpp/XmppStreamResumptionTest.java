package org.switchboard.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.xmpp.XmppTestClients.TIMEOUT;
import static org.switchboard.xmpp.XmppTestClients.join;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.protocol.event.ProtocolEvent.ConnectionStateChanged;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.xmpp.XmppTestClients.Client;
import org.switchboard.xmpp.testing.ProsodyServer;

/** Stream management (XEP-0198): a socket that dies under the session is resumed without loss or repeats. */
class XmppStreamResumptionTest {

    private static ProsodyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDroppedSocketResumesWithoutLosingOrRepeatingMessages() throws Exception {
        try (XmppTestClients clients = new XmppTestClients(server)) {
            Client alice = clients.connected("sm");
            Client bob = clients.connected("sm");
            Messaging bobSends = bob.need(Messaging.class);
            for (int i = 0; i < 20; i++) {
                join(bobSends.send(new OutgoingMessage(MessageId.newClientId(), bob.address(alice), "m" + i)));
            }
            alice.events().await(MessageReceived.class, e -> e.message().body().equals("m19"), TIMEOUT);

            alice.session().dropSocket();
            for (int i = 20; i < 40; i++) {
                join(bobSends.send(new OutgoingMessage(MessageId.newClientId(), bob.address(alice), "m" + i)));
            }
            alice.events().await(MessageReceived.class, e -> e.message().body().equals("m39"), TIMEOUT);
            // Alice can talk again on the resumed stream.
            join(alice.need(Messaging.class).send(new OutgoingMessage(MessageId.newClientId(), alice.address(bob), "back")));
            bob.events().await(MessageReceived.class, e -> e.message().body().equals("back"), TIMEOUT);

            List<String> bodies = alice.events().all(MessageReceived.class).stream().map(e -> e.message().body()).toList();
            assertThat(bodies).isEqualTo(IntStream.range(0, 40).mapToObj(i -> "m" + i).toList());
            assertThat(alice.events().all(ConnectionStateChanged.class)).extracting(ConnectionStateChanged::state)
                    .containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
            assertThat(alice.session().live().streamWasResumed()).isTrue();
        }
    }
}
