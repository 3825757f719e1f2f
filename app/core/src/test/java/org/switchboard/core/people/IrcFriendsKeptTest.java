package org.switchboard.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.account.Account;
import org.switchboard.core.contact.Contact;
import org.switchboard.core.contact.Person;
import org.switchboard.core.event.CoreEvent.PeopleChanged;
import org.switchboard.core.testing.IrcAccounts;
import org.switchboard.core.testing.TestCore;
import org.switchboard.irc.testing.NgircdServer;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.ContactAddress;

/**
 * An IRC friends list lives in no server: a friend added in the app is still there, watched for
 * presence, after the app restarts; one removed stays gone.
 */
class IrcFriendsKeptTest {

    private static NgircdServer irc;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        irc = NgircdServer.start();
    }

    @AfterAll
    static void stopServer() {
        irc.close();
    }

    private static boolean lists(PeopleChanged e, ContactAddress friend, Availability availability) {
        return e.people().stream().map(Person::contacts).flatMap(java.util.List::stream)
                .anyMatch(c -> c.address().equals(friend) && c.presence().availability() == availability);
    }

    @Test
    void friendsAddedInTheAppSurviveARestartAndRemovedOnesDoNot() throws Exception {
        try (TestCore beaCore = TestCore.open(dir.resolve("bea"), DemoMode.OFF)) {
            IrcAccounts.addConnected(beaCore, irc, "bea1");
            Account account;
            ContactAddress bea;
            ContactAddress cid;
            try (TestCore ada = TestCore.open(dir.resolve("ada"), DemoMode.OFF)) {
                account = IrcAccounts.addConnected(ada, irc, "ada1");
                bea = new ContactAddress(account.id(), "bea1");
                cid = new ContactAddress(account.id(), "cid1");
                ada.core().contacts().add(account.id(), "bea1", "Bea", Set.of("Friends")).join();
                ada.core().contacts().add(account.id(), "cid1", "Cid", Set.of()).join();
                ada.events().await(PeopleChanged.class, e -> lists(e, bea, Availability.ONLINE));
                ada.core().contacts().remove(cid).join();
                ada.events().await(PeopleChanged.class, e -> e.people().stream()
                        .noneMatch(p -> p.contacts().stream().anyMatch(c -> c.address().equals(cid))));
            }
            assertThat(Files.readString(dir.resolve("ada").resolve("contacts.json")))
                    .contains("bea1").doesNotContain("cid1");

            try (TestCore ada = TestCore.open(dir.resolve("ada"), DemoMode.OFF)) {
                ada.core().start().join();
                PeopleChanged seen = ada.events().await(PeopleChanged.class, e -> lists(e, bea, Availability.ONLINE));
                Contact kept = seen.people().stream().flatMap(p -> p.contacts().stream())
                        .filter(c -> c.address().equals(bea)).findFirst().orElseThrow();
                assertThat(kept.displayName()).isEqualTo("Bea");
                assertThat(kept.groups()).containsExactly("Friends");
                assertThat(ada.core().contacts().people()).flatExtracting(Person::contacts)
                        .extracting(Contact::address).doesNotContain(cid);
            }
        }
    }
}
