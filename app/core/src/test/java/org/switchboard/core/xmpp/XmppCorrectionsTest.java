package org.switchboard.core.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.MessageAdded;
import org.switchboard.core.event.CoreEvent.MessageUpdated;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.XmppAccounts;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.xmpp.XmppProvider;
import org.switchboard.xmpp.testing.ProsodyServer;

/** Two cores on a real Prosody: one corrects its last message, the other's history follows. */
class XmppCorrectionsTest {

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
    void aCorrectionReplacesTheTextOnBothSides() throws Exception {
        int n = USERS.incrementAndGet();
        AccountConfig annConfig = server.newAccount("corrann" + n);
        AccountConfig benConfig = server.newAccount("corrben" + n);
        try (TestCore ann = TestCore.open(dir.resolve("ann"), DemoMode.OFF);
             TestCore ben = TestCore.open(dir.resolve("ben"), DemoMode.OFF)) {
            Account annAccount = XmppAccounts.addConnected(ann, annConfig);
            Account benAccount = XmppAccounts.addConnected(ben, benConfig);
            ConversationId toBen = new ConversationId(new ContactAddress(annAccount.id(),
                    benConfig.settings().get(XmppProvider.JID)));
            ConversationId fromAnn = new ConversationId(new ContactAddress(benAccount.id(),
                    annConfig.settings().get(XmppProvider.JID)));

            StoredMessage sent = ann.core().conversations().send(toBen, "see you at 5").join();
            StoredMessage sentNow = ann.events().await(MessageUpdated.class, e -> e.message().id().clientId()
                    .equals(sent.id().clientId()) && e.message().status() != MessageStatus.QUEUED).message();
            ben.events().await(MessageAdded.class, e -> e.message().conversation().equals(fromAnn)
                    && e.message().body().equals("see you at 5"));
            assertThat(ann.core().conversations().canCorrect(sent))
                    .as("still queued in the copy taken at sending").isFalse();
            assertThat(ann.core().conversations().canCorrect(sentNow)).isTrue();

            StoredMessage corrected = ann.core().conversations().correct(sentNow, "see you at 6 ").join();
            assertThat(corrected.body()).isEqualTo("see you at 6");
            assertThat(corrected.edited()).isTrue();

            ben.events().await(MessageUpdated.class, e -> e.message().conversation().equals(fromAnn)
                    && e.message().body().equals("see you at 6") && e.message().edited());
            assertThat(ben.core().conversations().recent(fromAnn, 10).join())
                    .singleElement().satisfies(m -> {
                        assertThat(m.body()).isEqualTo("see you at 6");
                        assertThat(m.edited()).isTrue();
                    });
            assertThat(ann.core().conversations().recent(toBen, 10).join())
                    .singleElement().satisfies(m -> assertThat(m.edited()).isTrue());
            assertThatThrownBy(() -> ann.core().conversations().correct(sentNow, "  "))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
