package org.switchboard.protocol.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.event.ProtocolEvent.CapabilitiesChanged;
import org.switchboard.protocol.event.ProtocolEvent.ConnectionStateChanged;
import org.switchboard.protocol.event.ProtocolEvent.ContactAdded;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.MessageStatusChanged;
import org.switchboard.protocol.event.ProtocolEvent.PresenceChanged;
import org.switchboard.protocol.event.ProtocolEvent.SubscriptionRequested;
import org.switchboard.protocol.event.ProtocolEvent.TypingChanged;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.Subscription;
import org.switchboard.protocol.model.TypingState;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.capability.GroupChat;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Presence;
import org.switchboard.protocol.spi.capability.Receipts;
import org.switchboard.protocol.spi.capability.Roster;
import org.switchboard.protocol.spi.capability.Typing;

/**
 * What every protocol provider must do, run against a real server. Extend it in the
 * provider's tests, start the server in {@code @BeforeAll}, and implement the two methods.
 * A capability the session does not report is skipped with a reason (IRC has no receipts);
 * what it does report must behave as specified here.
 */
public abstract class ProtocolContractTest {

    /** The provider under test. */
    protected abstract ProtocolProvider provider();

    /** Creates a new account on the server under test; each call returns a different user. */
    protected abstract TestAccount newAccount() throws Exception;

    /** How long to wait for one thing a server should do at once. */
    protected Duration timeout() {
        return Duration.ofSeconds(15);
    }

    /**
     * Whether a message's id reaches the peer. Networks without ids (IRC) override this with
     * false; the receiver then makes its own id, and nothing else in the contract changes.
     */
    protected boolean networkCarriesMessageIds() {
        return true;
    }

    private final List<ProtocolSession> sessions = new ArrayList<>();

    /** A connected test client. */
    protected record Client(TestAccount account, ProtocolSession session, EventRecorder events) {
        public ContactAddress address(Client other) {
            return new ContactAddress(account.config().id(), other.account.handle());
        }

        public <C extends org.switchboard.protocol.spi.capability.Capability> C need(Class<C> type) {
            return session.capability(type).orElseThrow(() -> new AssertionError(
                    "session lacks " + type.getSimpleName() + "; it reports " + session.capabilities()));
        }
    }

    protected Client open(TestAccount account) {
        EventRecorder events = new EventRecorder();
        ProtocolSession session = provider().open(account.config(), events);
        events.acknowledgeFor(session);
        sessions.add(session);
        return new Client(account, session, events);
    }

    protected Client connected() throws Exception {
        Client client = open(newAccount());
        join(client.session().connect());
        return client;
    }

    protected <T> T join(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        try {
            return future.get(timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw ProtocolException.from(e.getCause());
        }
    }

    @AfterEach
    void closeSessions() {
        sessions.forEach(ProtocolSession::close);
        sessions.clear();
    }

    @Test
    void loginConnectsAndReportsMessaging() throws Exception {
        Client alice = open(newAccount());
        assertThat(alice.session().state()).isEqualTo(ConnectionState.DISCONNECTED);

        join(alice.session().connect());

        assertThat(alice.session().state()).isEqualTo(ConnectionState.CONNECTED);
        alice.events().await(ConnectionStateChanged.class,
                e -> e.state() == ConnectionState.CONNECTED, timeout());
        assertThat(alice.session().capabilities()).contains(Messaging.class);
        assertThat(alice.session().capability(Messaging.class)).isPresent();
    }

    @Test
    void wrongPasswordFailsWithAuthFailedAndDoesNotHang() throws Exception {
        TestAccount account = newAccount();
        Client wrong = open(new TestAccount(account.handle(), account.wrongPassword(), account.wrongPassword()));

        assertThatThrownBy(() -> join(wrong.session().connect()))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.AUTH_FAILED));
        assertThat(wrong.session().state()).isIn(ConnectionState.FAILED, ConnectionState.DISCONNECTED);
    }

    @Test
    void messagesTravelBothWaysWithTheirIds() throws Exception {
        Client alice = connected();
        Client bob = connected();
        String body = "Hello 你好 — 即時通訊 ✓";

        MessageId sent = join(alice.need(Messaging.class)
                .send(new OutgoingMessage(MessageId.newClientId(), alice.address(bob), body)));

        MessageReceived atBob = bob.events().await(MessageReceived.class,
                e -> e.message().body().equals(body), timeout());
        assertThat(atBob.message().direction()).isEqualTo(Direction.INCOMING);
        assertThat(atBob.message().peer()).isEqualTo(bob.address(alice));
        if (networkCarriesMessageIds()) {
            assertThat(atBob.message().id().clientId()).isEqualTo(sent.clientId());
        }

        join(bob.need(Messaging.class)
                .send(new OutgoingMessage(MessageId.newClientId(), bob.address(alice), "pong")));
        MessageReceived atAlice = alice.events().await(MessageReceived.class,
                e -> e.message().body().equals("pong"), timeout());
        assertThat(atAlice.message().peer()).isEqualTo(alice.address(bob));
    }

    @Test
    void anEmptyMessageIsRefusedAsInvalidInput() throws Exception {
        Client alice = connected();
        Client bob = connected();
        assertThatThrownBy(() -> join(alice.need(Messaging.class)
                .send(new OutgoingMessage(MessageId.newClientId(), alice.address(bob), ""))))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.INVALID_INPUT));
    }

    /**
     * Alice adds Bob, Bob accepts and adds Alice back, Alice accepts. On a network whose list
     * needs no consent (an IRC friends list) each simply adds the other.
     */
    protected void befriend(Client alice, Client bob) throws Exception {
        Roster aliceRoster = alice.need(Roster.class);
        Roster bobRoster = bob.need(Roster.class);
        if (!aliceRoster.needsConsent()) {
            join(aliceRoster.add(alice.address(bob), "Bob", Set.of("Friends")));
            join(bobRoster.add(bob.address(alice), "Alice", Set.of()));
            alice.events().await(ContactAdded.class, e -> e.entry().address().equals(alice.address(bob))
                    && e.entry().subscription() == Subscription.BOTH, timeout());
            bob.events().await(ContactAdded.class, e -> e.entry().address().equals(bob.address(alice))
                    && e.entry().subscription() == Subscription.BOTH, timeout());
            return;
        }

        join(aliceRoster.add(alice.address(bob), "Bob", Set.of("Friends")));
        bob.events().await(SubscriptionRequested.class, e -> e.from().equals(bob.address(alice)), timeout());
        join(bobRoster.answerSubscription(bob.address(alice), true));

        join(bobRoster.add(bob.address(alice), "Alice", Set.of()));
        // Networks either ask Alice in turn (RFC 6121) or pair Bob's accept with his own request.
        ProtocolEvent next = alice.events().await(ProtocolEvent.class, e ->
                e instanceof SubscriptionRequested r && r.from().equals(alice.address(bob))
                        || e instanceof ContactAdded a && a.entry().address().equals(alice.address(bob))
                        && a.entry().subscription() == Subscription.BOTH, timeout());
        if (next instanceof SubscriptionRequested) {
            join(aliceRoster.answerSubscription(alice.address(bob), true));
        }
        alice.events().await(ContactAdded.class, e -> e.entry().address().equals(alice.address(bob))
                && e.entry().subscription() == Subscription.BOTH, timeout());
        bob.events().await(ContactAdded.class, e -> e.entry().address().equals(bob.address(alice))
                && e.entry().subscription() == Subscription.BOTH, timeout());
    }

    @Test
    void rosterSubscriptionAndPresence() throws Exception {
        Client alice = connected();
        Client bob = connected();
        assumeTrue(alice.session().capability(Roster.class).isPresent(), "no Roster capability");

        befriend(alice, bob);

        ContactAdded bobOnAlicesList = alice.events().await(ContactAdded.class,
                e -> e.entry().address().equals(alice.address(bob))
                        && e.entry().subscription() == Subscription.BOTH, timeout());
        assertThat(bobOnAlicesList.entry().groups()).containsExactly("Friends");
        assertThat(alice.need(Roster.class).entries())
                .anyMatch(r -> r.address().equals(alice.address(bob)));
        alice.events().await(PresenceChanged.class,
                e -> e.contact().equals(alice.address(bob)) && e.presence().availability().isOnline(), timeout());

        assumeTrue(bob.session().capability(Presence.class).isPresent(), "no Presence capability");
        join(bob.need(Presence.class).setOwn(new PresenceStatus(Availability.AWAY, "at lunch 午饭")));
        alice.events().await(PresenceChanged.class,
                e -> e.contact().equals(alice.address(bob))
                        && e.presence().availability() == Availability.AWAY
                        && e.presence().statusText().equals("at lunch 午饭"), timeout());
        assertThat(alice.need(Presence.class).of(alice.address(bob)).availability()).isEqualTo(Availability.AWAY);

        bob.session().close();
        alice.events().await(PresenceChanged.class,
                e -> e.contact().equals(alice.address(bob))
                        && e.presence().availability() == Availability.OFFLINE, timeout());
    }

    @Test
    void subscriptionCanBeDenied() throws Exception {
        Client alice = connected();
        Client bob = connected();
        assumeTrue(alice.session().capability(Roster.class).isPresent(), "no Roster capability");
        assumeTrue(alice.need(Roster.class).needsConsent(), "this network's contact list needs no consent");

        join(alice.need(Roster.class).add(alice.address(bob), "Bob", Set.of()));
        bob.events().await(SubscriptionRequested.class, e -> e.from().equals(bob.address(alice)), timeout());
        join(bob.need(Roster.class).answerSubscription(bob.address(alice), false));

        alice.events().await(ContactAdded.class, e -> e.entry().address().equals(alice.address(bob))
                && e.entry().subscription() == Subscription.NONE, timeout());
    }

    @Test
    void typingNotificationsReachThePeer() throws Exception {
        Client alice = connected();
        Client bob = connected();
        assumeTrue(alice.session().capability(Typing.class).isPresent(), "no Typing capability");

        join(alice.need(Typing.class).setTyping(alice.address(bob), TypingState.COMPOSING));
        bob.events().await(TypingChanged.class, e -> e.contact().equals(bob.address(alice))
                && e.state() == TypingState.COMPOSING, timeout());

        join(alice.need(Typing.class).setTyping(alice.address(bob), TypingState.IDLE));
        bob.events().await(TypingChanged.class, e -> e.contact().equals(bob.address(alice))
                && e.state() == TypingState.IDLE, timeout());
    }

    @Test
    void receiptsReportDeliveredThenRead() throws Exception {
        Client alice = connected();
        Client bob = connected();
        assumeTrue(alice.session().capability(Receipts.class).isPresent(), "no Receipts capability");

        MessageId id = join(alice.need(Messaging.class)
                .send(new OutgoingMessage(MessageId.newClientId(), alice.address(bob), "did you get this?")));
        MessageReceived atBob = bob.events().await(MessageReceived.class,
                e -> e.message().id().clientId().equals(id.clientId()), timeout());

        alice.events().await(MessageStatusChanged.class, e -> e.id().clientId().equals(id.clientId())
                && e.status() == MessageStatus.DELIVERED, timeout());

        join(bob.need(Receipts.class).markRead(bob.address(alice), atBob.message().id()));
        alice.events().await(MessageStatusChanged.class, e -> e.id().clientId().equals(id.clientId())
                && e.status() == MessageStatus.READ, timeout());
    }

    @Test
    void disconnectEndsTheSessionAndCommandsThenFail() throws Exception {
        Client alice = connected();
        Client bob = connected();

        join(alice.session().disconnect());

        assertThat(alice.session().state()).isEqualTo(ConnectionState.DISCONNECTED);
        alice.events().await(ConnectionStateChanged.class,
                e -> e.state() == ConnectionState.DISCONNECTED, timeout());
        assertThatThrownBy(() -> join(alice.need(Messaging.class)
                .send(new OutgoingMessage(MessageId.newClientId(), alice.address(bob), "after logout"))))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.NOT_CONNECTED));

        join(alice.session().connect());
        assertThat(alice.session().state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void capabilitiesAreAnnouncedAfterLogin() throws Exception {
        Client alice = connected();
        CapabilitiesChanged caps = alice.events().await(CapabilitiesChanged.class, timeout());
        assertThat(caps.capabilities()).contains(Messaging.class);
        assertThat(alice.session().capabilities()).containsAll(caps.capabilities());
    }

    @Test
    void roomsCarryMembersMessagesTopicAndLeaving() throws Exception {
        Client alice = connected();
        Client bob = connected();
        assumeTrue(alice.session().capability(GroupChat.class).isPresent(), "no GroupChat capability");
        new GroupChatContract(this).roomsCarryMembersMessagesTopicAndLeaving(alice, bob);
    }

    @Test
    void badRoomMessagesAreRefused() throws Exception {
        Client alice = connected();
        assumeTrue(alice.session().capability(GroupChat.class).isPresent(), "no GroupChat capability");
        new GroupChatContract(this).badRoomMessagesAreRefused(alice);
    }
}
