package org.switchboard.core.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
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
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.xmpp.XmppProvider;
import org.switchboard.xmpp.testing.ProsodyServer;

/**
 * A contact publishes a picture (vCard-based avatar, XEP-0153, on a real Prosody); the core keeps
 * it per contact, shows it in the list, and saves it owner-only so the next start has it at once.
 */
class XmppAvatarsTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
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
    void aContactsPictureReachesTheListAndIsKeptForTheNextStart() throws Exception {
        AccountConfig annConfig = server.newAccount("avann");
        AccountConfig benConfig = server.newAccount("avben");
        String benJid = benConfig.settings().get(XmppProvider.JID);
        XMPPTCPConnection ben = XmppAccounts.bareSmack(server, benConfig, "phone");
        Account account;
        ContactAddress benAddress;
        try {
            Roster.getInstanceFor(ben).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
            try (TestCore ann = TestCore.open(dir.resolve("ann"), DemoMode.OFF)) {
                account = XmppAccounts.addConnected(ann, annConfig);
                benAddress = new ContactAddress(account.id(), benJid);
                ann.core().contacts().add(account.id(), benJid, "Ben", Set.of()).join();
                ann.events().await(PeopleChanged.class, e -> contact(e, benAddress).filter(c ->
                        c.presence().availability().isOnline()).isPresent());

                VCard card = new VCard();
                card.setAvatar(PNG, "image/png");
                VCardManager.getInstanceFor(ben).saveVCard(card);
                ben.sendStanza(PresenceBuilder.buildPresence().ofType(Presence.Type.available)
                        .addExtension(StandardExtensionElement.builder("x", "vcard-temp:x:update")
                                .addElement("photo", card.getAvatarHash()).build()).build());

                ann.events().await(PeopleChanged.class, e -> contact(e, benAddress)
                        .filter(c -> !c.avatarId().isEmpty()).isPresent());
                assertThat(ann.core().contacts().avatar(benAddress)).hasValueSatisfying(b ->
                        assertThat(b).isEqualTo(PNG));
            }
        } finally {
            ben.disconnect();
        }

        Path accountDir = dir.resolve("ann").resolve("data").resolve("avatars");
        try (var files = Files.walk(dir.resolve("ann"))) {
            Path saved = files.filter(p -> p.getParent() != null && p.getParent().getParent() != null
                    && p.getParent().getParent().getFileName().toString().equals("avatars")
                    && Files.isRegularFile(p)).findFirst().orElseThrow(() -> new AssertionError(
                    "no saved picture under " + accountDir));
            assertThat(Files.readAllBytes(saved)).isEqualTo(PNG);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved.getParent())))
                    .isEqualTo("rwx------");
        }

        // The next start has the picture before any server answers.
        try (TestCore again = TestCore.open(dir.resolve("ann"), DemoMode.OFF)) {
            again.core().accounts().setEnabled(account.id(), false).join();
            again.core().start().join();
            assertThat(again.core().contacts().avatar(benAddress)).hasValueSatisfying(b ->
                    assertThat(b).isEqualTo(PNG));
        }
    }

    private static Optional<Contact> contact(PeopleChanged event, ContactAddress address) {
        return event.people().stream().flatMap(p -> p.contacts().stream())
                .filter(c -> c.address().equals(address)).findFirst();
    }
}
