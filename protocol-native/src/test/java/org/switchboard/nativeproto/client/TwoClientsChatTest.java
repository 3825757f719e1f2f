package org.switchboard.nativeproto.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.nativeproto.testing.TestServers.TIMEOUT;
import static org.switchboard.nativeproto.testing.TestServers.join;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.server.NativeServer;
import org.switchboard.nativeproto.testing.TestServers;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.event.ProtocolEvent.ConnectionStateChanged;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.MessageStatusChanged;
import org.switchboard.protocol.event.ProtocolEvent.PresenceChanged;
import org.switchboard.protocol.event.ProtocolEvent.RosterReceived;
import org.switchboard.protocol.event.ProtocolEvent.TypingChanged;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.model.Subscription;
import org.switchboard.protocol.model.TypingState;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Receipts;
import org.switchboard.protocol.spi.capability.Roster;
import org.switchboard.protocol.spi.capability.Typing;

/** Alice and Bob, friends made by the administrator, talking through a real server. */
class TwoClientsChatTest {

    @TempDir
    Path data;
    private NativeServer server;
    private final List<ProtocolSession> sessions = new ArrayList<>();

    private record Client(ProtocolSession session, EventRecorder events) {
        ContactAddress peer(String handle) {
            return new ContactAddress(session.account(), handle);
        }

        MessageId send(String to, String body) throws Exception {
            return join(session.capability(Messaging.class).orElseThrow()
                    .send(new OutgoingMessage(MessageId.newClientId(), peer(to), body)));
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(data);
        server.ensureUser("alice", "alice-pw");
        server.ensureUser("bob", "bob-pw");
        server.befriend("alice", "bob");
    }

    @AfterEach
    void stop() {
        sessions.forEach(ProtocolSession::close);
        server.close();
    }

    private Client client(String user) throws Exception {
        EventRecorder events = new EventRecorder();
        ProtocolSession session = new NativeProvider().open(TestServers.account(server, user, user + "-pw"), events);
        events.acknowledgeFor(session);
        sessions.add(session);
        join(session.connect());
        return new Client(session, events);
    }

    @Test
    void aMessageTheAppNeverStoredIsDeliveredAgainAtTheNextLoginAndOnlyThenCountsAsDelivered()
            throws Exception {
        Client alice = client("alice");
        // Bob's first app receives the message but dies before storing it: it never acknowledges.
        EventRecorder crashing = new EventRecorder();
        ProtocolSession bobFirst = new NativeProvider().open(TestServers.account(server, "bob", "bob-pw"), crashing);
        sessions.add(bobFirst);
        join(bobFirst.connect());

        MessageId id = alice.send("bob", "keep me safe");
        crashing.await(MessageReceived.class, e -> e.message().id().clientId().equals(id.clientId()), TIMEOUT);
        bobFirst.close();
        assertThat(alice.events().all(MessageStatusChanged.class))
                .noneMatch(e -> e.id().clientId().equals(id.clientId()) && e.status() == MessageStatus.DELIVERED);

        Client bob = client("bob");
        MessageReceived again = bob.events().await(MessageReceived.class,
                e -> e.message().id().clientId().equals(id.clientId()), TIMEOUT);
        assertThat(again.message().body()).isEqualTo("keep me safe");
        alice.events().await(MessageStatusChanged.class, e -> e.id().clientId().equals(id.clientId())
                && e.status() == MessageStatus.DELIVERED, TIMEOUT);
    }

    @Test
    void friendsChatBothWaysWithReceiptsAndTyping() throws Exception {
        Client alice = client("alice");
        Client bob = client("bob");
        RosterReceived roster = alice.events().await(RosterReceived.class, TIMEOUT);
        assertThat(roster.entries()).singleElement()
                .satisfies(e -> assertThat(e.subscription()).isEqualTo(Subscription.BOTH));
        alice.events().await(PresenceChanged.class, e -> e.contact().handle().equals("bob")
                && e.presence().availability().isOnline(), TIMEOUT);

        MessageId hello = alice.send("bob", "hello bob");
        assertThat(hello.network()).isPresent();
        alice.events().await(MessageStatusChanged.class, e -> e.id().clientId().equals(hello.clientId())
                && e.status() == MessageStatus.SENT, TIMEOUT);
        MessageReceived atBob = bob.events().await(MessageReceived.class,
                e -> e.message().body().equals("hello bob"), TIMEOUT);
        assertThat(atBob.message().id().networkId()).isEqualTo(hello.networkId());
        alice.events().await(MessageStatusChanged.class, e -> e.id().clientId().equals(hello.clientId())
                && e.status() == MessageStatus.DELIVERED, TIMEOUT);
        join(bob.session().capability(Receipts.class).orElseThrow().markRead(bob.peer("alice"), atBob.message().id()));
        alice.events().await(MessageStatusChanged.class, e -> e.id().clientId().equals(hello.clientId())
                && e.status() == MessageStatus.READ, TIMEOUT);

        join(bob.session().capability(Typing.class).orElseThrow().setTyping(bob.peer("alice"), TypingState.COMPOSING));
        alice.events().await(TypingChanged.class, e -> e.state() == TypingState.COMPOSING, TIMEOUT);
        MessageId reply = bob.send("alice", "hi alice");
        alice.events().await(MessageReceived.class, e -> e.message().body().equals("hi alice")
                && e.message().direction() == Direction.INCOMING, TIMEOUT);
        bob.events().await(MessageStatusChanged.class, e -> e.id().clientId().equals(reply.clientId())
                && e.status() == MessageStatus.DELIVERED, TIMEOUT);
    }

    @Test
    void aMessageToSomeoneOfflineArrivesAtLoginAndItsReceiptReachesTheSenderLater() throws Exception {
        Client alice = client("alice");
        MessageId sent = alice.send("bob", "while you were out");
        join(alice.session().disconnect());

        Client bob = client("bob");
        MessageReceived received = bob.events().await(MessageReceived.class,
                e -> e.message().body().equals("while you were out"), TIMEOUT);
        assertThat(received.message().peer().handle()).isEqualTo("alice");
        join(bob.session().capability(Receipts.class).orElseThrow().markRead(bob.peer("alice"), received.message().id()));

        join(alice.session().connect());
        alice.events().await(MessageStatusChanged.class, e -> e.id().clientId().equals(sent.clientId())
                && e.status() == MessageStatus.DELIVERED, TIMEOUT);
        alice.events().await(MessageStatusChanged.class, e -> e.id().clientId().equals(sent.clientId())
                && e.status() == MessageStatus.READ, TIMEOUT);

        // Acknowledged once, never again: a new login of Bob gets nothing twice.
        join(bob.session().disconnect());
        join(bob.session().connect());
        bob.send("alice", "marker");
        alice.events().await(MessageReceived.class, e -> e.message().body().equals("marker"), TIMEOUT);
        assertThat(bob.events().all(MessageReceived.class)).hasSize(1);
    }

    @Test
    void everySessionOfAUserGetsTheMessageAndTheSendersOtherSessionSeesItAsOutgoing() throws Exception {
        Client alice = client("alice");
        Client aliceAgain = client("alice");
        Client bob = client("bob");
        Client bobAgain = client("bob");

        alice.send("bob", "to both of you");
        bob.events().await(MessageReceived.class, e -> e.message().body().equals("to both of you"), TIMEOUT);
        bobAgain.events().await(MessageReceived.class, e -> e.message().body().equals("to both of you"), TIMEOUT);
        MessageReceived copy = aliceAgain.events().await(MessageReceived.class,
                e -> e.message().body().equals("to both of you"), TIMEOUT);
        assertThat(copy.message().direction()).isEqualTo(Direction.OUTGOING);
        assertThat(copy.message().peer().handle()).isEqualTo("bob");
    }

    @Test
    void bodiesThatAreBlankOrTooLongAreRefusedWithoutTheNetwork() throws Exception {
        Client alice = client("alice");
        Messaging messaging = alice.session().capability(Messaging.class).orElseThrow();
        assertThat(messaging.maxBodyBytes()).isEqualTo(server.limits().maxBodyBytes());
        for (String body : List.of("   ", "字".repeat(messaging.maxBodyBytes() / 3 + 1))) {
            var failure = messaging.send(new OutgoingMessage(MessageId.newClientId(), alice.peer("bob"), body));
            assertThat(failure).isCompletedExceptionally();
            assertThat(ProtocolException.from(failure.exceptionNow()).reason())
                    .isEqualTo(ProtocolException.Reason.INVALID_INPUT);
        }
    }

    @Test
    void aMessageToNobodyFailsAsRejectedAndIsReportedFailed() throws Exception {
        Client alice = client("alice");
        var send = alice.session().capability(Messaging.class).orElseThrow()
                .send(new OutgoingMessage(MessageId.of("m-nobody"), alice.peer("nobody"), "anyone?"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> join(send))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.REJECTED));
        alice.events().await(MessageStatusChanged.class, e -> e.id().clientId().equals("m-nobody")
                && e.status() == MessageStatus.FAILED, TIMEOUT);
    }

    @Test
    void removingAContactCancelsBothWays() throws Exception {
        Client alice = client("alice");
        Client bob = client("bob");
        join(alice.session().capability(Roster.class).orElseThrow().remove(alice.peer("bob")));
        alice.events().await(org.switchboard.protocol.event.ProtocolEvent.ContactRemoved.class,
                e -> e.contact().handle().equals("bob"), TIMEOUT);
        bob.events().await(org.switchboard.protocol.event.ProtocolEvent.ContactAdded.class,
                e -> e.entry().address().handle().equals("alice") && e.entry().subscription() == Subscription.NONE,
                TIMEOUT);
        assertThat(alice.session().capability(Roster.class).orElseThrow().entries()).isEmpty();
    }

    @Test
    void aServerThatGoesAwayLeavesTheSessionFailedWithANetworkCause() throws Exception {
        Client alice = client("alice");
        server.close();
        ConnectionStateChanged failed = alice.events().await(ConnectionStateChanged.class,
                e -> e.state() == ConnectionState.FAILED, TIMEOUT);
        assertThat(failed.cause().reason()).isEqualTo(ProtocolException.Reason.NETWORK);
        assertThat(failed.cause().getMessage()).contains("shutting down");
        assertThat(alice.session().state()).isEqualTo(ConnectionState.FAILED);
    }
}
