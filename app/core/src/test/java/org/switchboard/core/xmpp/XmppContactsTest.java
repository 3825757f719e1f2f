package org.switchboard.core.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.contact.Contact;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.PeopleChanged;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.XmppAccounts;
import org.switchboard.core.testing.XmppAccounts.Bare;
import org.switchboard.protocol.event.ProtocolEvent.BlockListChanged;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.xmpp.testing.ProsodyServer;

/**
 * Managing a contact from the core on a real Prosody: rename, regroup, block and unblock (the
 * block list is the server's: another client of the account sees it), and remove.
 */
class XmppContactsTest {

    private static ProsodyServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void renameRegroupBlockUnblockAndRemove() throws Exception {
        try (TestCore ann = TestCore.open(dir.resolve("ann"), DemoMode.OFF);
             Bare ben = Bare.connect(server, "contben")) {
            var annConfig = server.newAccount("contann");
            Account account = XmppAccounts.addConnected(ann, annConfig);
            ContactAddress benAddress = new ContactAddress(account.id(), ben.jid());
            assertThat(ann.core().contacts().canBlock(account.id())).isTrue();

            ann.core().contacts().add(account.id(), ben.jid(), "Ben", Set.of()).join();
            ann.events().await(PeopleChanged.class, e -> contact(e, benAddress).isPresent());

            ann.core().contacts().update(benAddress, " Benjamin 本 ", Set.of("Work", " 朋友 ", "")).join();
            ann.events().await(PeopleChanged.class, e -> contact(e, benAddress).filter(c ->
                    c.displayName().equals("Benjamin 本") && c.groups().equals(Set.of("Work", "朋友"))).isPresent());

            ann.core().contacts().update(benAddress, "Benjamin 本", Set.of()).join();
            ann.events().await(PeopleChanged.class, e -> contact(e, benAddress).filter(c ->
                    c.groups().isEmpty()).isPresent());

            // A second client of the same account sees the server's block list change.
            try (Bare annElsewhere = Bare.open(annConfig)) {
                ann.core().contacts().setBlocked(benAddress, true).join();
                ann.events().await(PeopleChanged.class, e -> contact(e, benAddress).filter(Contact::blocked)
                        .isPresent());
                annElsewhere.events().await(BlockListChanged.class, e -> e.blocked().stream()
                        .anyMatch(a -> a.handle().equals(ben.jid())), XmppAccounts.TIMEOUT);

                ann.core().contacts().setBlocked(benAddress, false).join();
                ann.events().await(PeopleChanged.class, e -> contact(e, benAddress).filter(c -> !c.blocked())
                        .isPresent());
            }

            ann.core().contacts().remove(benAddress).join();
            ann.events().await(PeopleChanged.class, e -> contact(e, benAddress).isEmpty());
        }
    }

    private static Optional<Contact> contact(PeopleChanged event, ContactAddress address) {
        return event.people().stream().flatMap(p -> p.contacts().stream())
                .filter(c -> c.address().equals(address)).findFirst();
    }
}
