package org.switchboard.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.XmppAccounts;
import org.switchboard.core.testing.XmppAccounts.Bare;
import org.switchboard.desktop.ui.UiThread;
import org.switchboard.protocol.event.ProtocolEvent.MessageCorrected;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.xmpp.testing.ProsodyServer;

/**
 * Correcting the last message from the input, against a real core on a real Prosody: Up in an
 * empty input takes the last message to edit, Escape gives up, Enter sends the correction, which
 * the peer receives and the conversation shows as edited.
 */
class ChatCorrectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
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
    void upEditsTheLastMessageEscapeCancelsEnterSendsTheCorrection() throws Exception {
        // Closed in reverse: the peer, then the core, then the stand-in UI thread it reports to.
        try (UiThread ui = new UiThread();
             TestCore core = TestCore.open(dir.resolve("profile"), DemoMode.OFF);
             Bare ben = Bare.connect(server, "chatben")) {
            Account account = XmppAccounts.addConnected(core, server.newAccount("chatann"));
            core.core().subscribe(ui.bridge());
            ConversationId withBen = new ConversationId(new ContactAddress(account.id(), ben.jid()));
            ChatViewModel chat = ui.call(() -> new ChatViewModel(core.core(), ui.bridge(), withBen, "ben", id -> { }));
            ui.run(chat::activate);

            assertThat(ui.call(chat::editLast)).as("nothing sent yet").isFalse();
            ui.run(() -> {
                chat.input().set("meet at noon");
                chat.send();
            });
            await().atMost(WAIT).until(() -> ui.call(() -> chat.messages().stream().anyMatch(m ->
                    m.direction() == Direction.OUTGOING && m.status() != MessageStatus.QUEUED)));

            ui.run(() -> chat.input().set("draft"));
            assertThat(ui.call(chat::editLast)).as("the input is not empty").isFalse();
            ui.run(() -> chat.input().set(""));

            assertThat(ui.call(chat::editLast)).isTrue();
            assertThat(ui.call(() -> chat.input().get())).isEqualTo("meet at noon");
            assertThat(ui.call(() -> chat.editing().get().body())).isEqualTo("meet at noon");

            assertThat(ui.call(chat::cancelEdit)).isTrue();
            assertThat(ui.call(() -> chat.input().get())).isEmpty();
            assertThat(ui.call(() -> chat.editing().get())).isNull();

            assertThat(ui.call(chat::editLast)).isTrue();
            assertThat(ui.call(() -> {
                chat.input().set("meet at one");
                return chat.send();
            })).isTrue();
            assertThat(ui.call(() -> chat.editing().get())).isNull();
            assertThat(ui.call(() -> chat.input().get())).isEmpty();

            await().atMost(WAIT).until(() -> ui.call(() -> chat.messages().size() == 1
                    && chat.messages().getFirst().body().equals("meet at one") && chat.messages().getFirst().edited()));
            MessageCorrected received = ben.events().await(MessageCorrected.class, WAIT);
            assertThat(received.newBody()).isEqualTo("meet at one");
            ui.run(() -> {
                try {
                    chat.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
