package org.switchboard.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.contact.Person;
import org.switchboard.core.event.CoreEvent.OwnPresenceChanged;
import org.switchboard.core.event.CoreEvent.PeopleChanged;
import org.switchboard.core.event.CoreEvent.SubscriptionRequested;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.TestServer;
import org.switchboard.core.testing.TwoUsers;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.Subscription;

/** The unified list across two real cores on a real native server: requests, answers, presence, removal. */
class ContactsTest {

    @TempDir
    Path dir;

    private TestServer server;
    private TestCore alice;
    private TestCore bob;
    private Account aliceAccount;
    private Account bobAccount;

    @BeforeEach
    void setUp() throws Exception {
        TwoUsers users = TwoUsers.start(dir, false);
        server = users.server();
        alice = users.alice();
        bob = users.bob();
        aliceAccount = users.aliceAccount();
        bobAccount = users.bobAccount();
    }

    @AfterEach
    void tearDown() throws Exception {
        alice.close();
        bob.close();
        server.close();
    }

    private static boolean shows(PeopleChanged e, String handle, Subscription subscription, boolean online) {
        return e.people().stream().map(Person::preferredContact).anyMatch(c -> c.address().handle().equals(handle)
                && c.subscription() == subscription && c.presence().availability().isOnline() == online);
    }

    @Test
    void aRequestAcceptedMakesBothSeeEachOtherAndPresenceAndRemovalFollow() {
        alice.core().contacts().add(aliceAccount.id(), "bob", "Bobby", Set.of("Friends")).join();

        SubscriptionRequested asked = bob.events().await(SubscriptionRequested.class,
                e -> e.request().from().handle().equals("alice"));
        assertThat(bob.core().contacts().pendingRequests()).contains(asked.request());
        bob.core().contacts().answer(asked.request(), true).join();

        // Accepting asks to see Alice in turn; Alice's core shows that request and she accepts.
        SubscriptionRequested back = alice.events().await(SubscriptionRequested.class,
                e -> e.request().from().handle().equals("bob"));
        alice.core().contacts().answer(back.request(), true).join();

        alice.events().await(PeopleChanged.class, e -> shows(e, "bob", Subscription.BOTH, true));
        bob.events().await(PeopleChanged.class, e -> shows(e, "alice", Subscription.BOTH, true));
        Person bobAtAlice = alice.core().contacts().people().stream()
                .filter(p -> p.preferredContact().address().handle().equals("bob")).findFirst().orElseThrow();
        assertThat(bobAtAlice.displayName()).isEqualTo("Bobby");
        assertThat(bobAtAlice.groups()).containsExactly("Friends");
        assertThat(bob.core().contacts().pendingRequests()).isEmpty();

        bob.core().contacts().setOwnPresence(new PresenceStatus(Availability.DO_NOT_DISTURB, "in a meeting 开会")).join();
        bob.events().await(OwnPresenceChanged.class, e -> e.presence().availability() == Availability.DO_NOT_DISTURB);
        alice.events().await(PeopleChanged.class, e -> e.people().stream().anyMatch(p ->
                p.preferredContact().address().handle().equals("bob")
                        && p.presence().availability() == Availability.DO_NOT_DISTURB
                        && p.presence().statusText().equals("in a meeting 开会")));

        alice.core().contacts().remove(new ContactAddress(aliceAccount.id(), "bob")).join();
        alice.events().await(PeopleChanged.class, e -> e.people().stream()
                .noneMatch(p -> p.preferredContact().address().handle().equals("bob")));
    }

    @Test
    void aDeniedRequestLeavesNoSubscriptionAndNothingOnTheDeniersList() {
        alice.core().contacts().add(aliceAccount.id(), "bob", "", Set.of()).join();
        SubscriptionRequested asked = bob.events().await(SubscriptionRequested.class,
                e -> e.request().from().handle().equals("alice"));

        bob.core().contacts().answer(asked.request(), false).join();

        alice.events().await(PeopleChanged.class, e -> shows(e, "bob", Subscription.NONE, false));
        assertThat(bob.core().contacts().pendingRequests()).isEmpty();
        assertThat(bob.core().contacts().people())
                .noneMatch(p -> p.preferredContact().address().handle().equals("alice"));
    }
}
