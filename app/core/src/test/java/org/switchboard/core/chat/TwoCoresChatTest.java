package org.switchboard.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.MessageAdded;
import org.switchboard.core.event.CoreEvent.MessageUpdated;
import org.switchboard.core.event.CoreEvent.PeerTyping;
import org.switchboard.core.event.CoreEvent.PeopleChanged;
import org.switchboard.core.event.CoreEvent.UnreadChanged;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.TestServer;
import org.switchboard.core.testing.TwoUsers;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.TypingState;

/** Two cores, two profiles, one real native server between them. */
class TwoCoresChatTest {

    @TempDir
    Path dir;

    private TestServer server;
    private TestCore alice;
    private TestCore bob;
    private Account aliceAccount;
    private Account bobAccount;
    private ConversationId aliceWithBob;
    private ConversationId bobWithAlice;

    @BeforeEach
    void setUp() throws Exception {
        TwoUsers users = TwoUsers.start(dir, true);
        server = users.server();
        alice = users.alice();
        bob = users.bob();
        aliceAccount = users.aliceAccount();
        bobAccount = users.bobAccount();
        aliceWithBob = new ConversationId(new ContactAddress(aliceAccount.id(), "bob"));
        bobWithAlice = new ConversationId(new ContactAddress(bobAccount.id(), "alice"));
    }

    @AfterEach
    void tearDown() throws Exception {
        alice.close();
        bob.close();
        server.close();
    }

    @Test
    void chatBothWaysWithDeliveryAndReadReceipts() {
        StoredMessage sent = alice.core().conversations().send(aliceWithBob, "hello bob").join();
        assertThat(sent.status()).isEqualTo(MessageStatus.QUEUED);

        MessageAdded arrived = bob.events().await(MessageAdded.class, e -> e.message().body().equals("hello bob"));
        assertThat(arrived.message().conversation()).isEqualTo(bobWithAlice);
        assertThat(arrived.message().direction()).isEqualTo(Direction.INCOMING);
        bob.events().await(UnreadChanged.class, e -> e.conversation().equals(bobWithAlice) && e.unread() == 1);
        alice.events().await(MessageUpdated.class, e -> e.message().seq() == sent.seq()
                && e.message().status() == MessageStatus.DELIVERED);

        bob.core().conversations().setActive(java.util.Optional.of(bobWithAlice));

        alice.events().await(MessageUpdated.class, e -> e.message().seq() == sent.seq()
                && e.message().status() == MessageStatus.READ);
        bob.events().await(UnreadChanged.class, e -> e.conversation().equals(bobWithAlice) && e.unread() == 0);
        assertThat(alice.core().conversations().recent(aliceWithBob, 10).join())
                .singleElement().satisfies(m -> {
                    assertThat(m.status()).isEqualTo(MessageStatus.READ);
                    assertThat(m.id().networkId()).isNotNull();
                });

        bob.core().conversations().send(bobWithAlice, "hi alice").join();

        alice.events().await(MessageAdded.class, e -> e.message().body().equals("hi alice")
                && e.message().conversation().equals(aliceWithBob));
        assertThat(alice.core().conversations().unread(aliceWithBob)).isEqualTo(1);
        alice.events().await(PeopleChanged.class, e -> e.people().stream()
                .anyMatch(p -> p.id().equals(aliceAccount.id() + "/bob") && p.unread() == 1
                        && p.presence().availability().isOnline()));
    }

    @Test
    void typingReachesThePeerOncePerChange() {
        alice.core().conversations().typing(aliceWithBob, TypingState.COMPOSING);
        alice.core().conversations().typing(aliceWithBob, TypingState.COMPOSING);

        bob.events().await(PeerTyping.class, e -> e.conversation().equals(bobWithAlice)
                && e.state() == TypingState.COMPOSING);
        assertThat(bob.core().conversations().peerTyping(bobWithAlice)).isEqualTo(TypingState.COMPOSING);

        alice.core().conversations().typing(aliceWithBob, TypingState.IDLE);

        bob.events().await(PeerTyping.class, e -> e.conversation().equals(bobWithAlice)
                && e.state() == TypingState.IDLE);
        assertThat(bob.events().events(PeerTyping.class)).extracting(PeerTyping::state)
                .containsExactly(TypingState.COMPOSING, TypingState.IDLE);
    }

    @Test
    void aMessageToAnOfflinePeerArrivesWhenItLogsIn() throws Exception {
        bob.close();
        alice.events().await(PeopleChanged.class, e -> e.people().stream()
                .anyMatch(p -> p.id().equals(aliceAccount.id() + "/bob") && !p.presence().availability().isOnline()));

        StoredMessage sent = alice.core().conversations().send(aliceWithBob, "while you were away").join();
        alice.events().await(MessageUpdated.class, e -> e.message().seq() == sent.seq()
                && e.message().status() == MessageStatus.SENT);

        bob = TestCore.open(dir.resolve("bob"), DemoMode.OFF);
        bob.core().start().join();

        bob.events().await(MessageAdded.class, e -> e.message().body().equals("while you were away"));
        alice.events().await(MessageUpdated.class, e -> e.message().seq() == sent.seq()
                && e.message().status() == MessageStatus.DELIVERED);
    }
}
