package org.switchboard.core.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.ArchiveFetched;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.XmppAccounts;
import org.switchboard.core.testing.XmppAccounts.Bare;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.ServerArchive;
import org.switchboard.xmpp.XmppProvider;
import org.switchboard.xmpp.testing.ProsodyServer;

/**
 * A core that was offline catches up from the server's archive (XEP-0313 on a real Prosody):
 * what a peer wrote meanwhile to the user's other client is in its history once each, in order,
 * and logging in again (asking from the newest archive id stored) stores nothing twice.
 */
class ArchiveCatchUpTest {

    private static final AtomicInteger USERS = new AtomicInteger();
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
    void missedMessagesArriveOnceInOrderAndASecondLoginAddsNothing() throws Exception {
        int n = USERS.incrementAndGet();
        AccountConfig annConfig = server.newAccount("archann" + n);
        String annJid = annConfig.settings().get(XmppProvider.JID);
        List<String> bodies = List.of("first while you were away", "第二条", "third 第三");
        String benJid;
        // Ann's phone is online meanwhile, so the server delivers there and keeps nothing for
        // offline delivery: only its archive can tell this core what was said.
        try (Bare annPhone = Bare.open(annConfig); Bare ben = Bare.connect(server, "archben" + n)) {
            benJid = ben.jid();
            Messaging messaging = ben.session().capability(Messaging.class).orElseThrow();
            for (String body : bodies) {
                XmppAccounts.join(messaging.send(new OutgoingMessage(MessageId.newClientId(),
                        new ContactAddress(ben.config().id(), annJid), body)));
            }
            annPhone.events().await(MessageReceived.class, e -> e.message().body().equals(bodies.getLast()),
                    XmppAccounts.TIMEOUT);
            // The server's archive holds them before the core asks it (what the test is about).
            ServerArchive phoneArchive = annPhone.session().capability(ServerArchive.class).orElseThrow();
            await().atMost(XmppAccounts.TIMEOUT).until(() -> XmppAccounts.join(
                    phoneArchive.fetchSince(null, Instant.now().minus(Duration.ofHours(1)))) >= bodies.size());
        }

        Account account;
        ConversationId withBen;
        try (TestCore ann = TestCore.open(dir.resolve("ann"), DemoMode.OFF)) {
            account = XmppAccounts.addConnected(ann, annConfig);
            withBen = new ConversationId(new ContactAddress(account.id(), benJid));
            ArchiveFetched first = ann.events().await(ArchiveFetched.class, e -> e.account().equals(account.id()));
            assertThat(first.messages()).as("a first login reaches back in time").isEqualTo(3);
            assertThat(bodies(ann, withBen)).isEqualTo(bodies);
            assertThat(ann.core().conversations().recent(withBen, 10).join())
                    .allMatch(m -> m.direction() == Direction.INCOMING);
            assertThat(ann.core().conversations().unread(withBen)).isEqualTo(3);

            // Another login on the same core: the archive is asked from the newest id on.
            ann.events().clear();
            ann.core().accounts().setEnabled(account.id(), false).join();
            ann.awaitState(account, ConnectionState.DISCONNECTED);
            ann.core().accounts().setEnabled(account.id(), true).join();
            ArchiveFetched second = ann.events().await(ArchiveFetched.class, e -> e.account().equals(account.id()));
            assertThat(second.messages()).as("asked from the newest archive id stored: nothing is new").isZero();
            assertThat(bodies(ann, withBen)).isEqualTo(bodies);
        }

        // And after a restart of the app on the same profile.
        try (TestCore again = TestCore.open(dir.resolve("ann"), DemoMode.OFF)) {
            again.core().start().join();
            assertThat(again.events().await(ArchiveFetched.class, e -> e.account().equals(account.id())).messages())
                    .isZero();
            assertThat(bodies(again, withBen)).isEqualTo(bodies);
        }
    }

    private static List<String> bodies(TestCore core, ConversationId conversation) {
        return core.core().conversations().recent(conversation, 50).join().stream().map(StoredMessage::body).toList();
    }
}
