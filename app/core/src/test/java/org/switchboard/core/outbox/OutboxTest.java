package org.switchboard.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.TestServer;
import org.switchboard.core.testing.TwoUsers;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.spi.ConnectionState;

class OutboxTest {

    @TempDir
    Path dir;

    private TestServer server;
    private TestCore alice;
    private TestCore bob;
    private Account aliceAccount;
    private ConversationId aliceWithBob;

    @BeforeEach
    void setUp() throws Exception {
        TwoUsers users = TwoUsers.start(dir, true);
        server = users.server();
        alice = users.alice();
        bob = users.bob();
        aliceAccount = users.aliceAccount();
        aliceWithBob = new ConversationId(new ContactAddress(aliceAccount.id(), "bob"));
    }

    @AfterEach
    void tearDown() throws Exception {
        alice.close();
        bob.close();
        server.close();
    }

    @Test
    void queuedWhileDisconnectedSurvivesARestartAndGoesOutInOrderOnConnect() throws Exception {
        alice.core().accounts().setEnabled(aliceAccount.id(), false).join();
        alice.awaitState(aliceAccount, ConnectionState.DISCONNECTED);

        StoredMessage first = alice.core().conversations().send(aliceWithBob, "first, written offline").join();
        StoredMessage second = alice.core().conversations().send(aliceWithBob, "second, written offline").join();
        assertThat(List.of(first, second)).extracting(StoredMessage::status)
                .containsOnly(MessageStatus.QUEUED);

        alice.close();
        alice = TestCore.open(dir.resolve("alice"), DemoMode.OFF);
        assertThat(alice.core().conversations().recent(aliceWithBob, 10).join())
                .extracting(StoredMessage::body, StoredMessage::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first, written offline", MessageStatus.QUEUED),
                        org.assertj.core.groups.Tuple.tuple("second, written offline", MessageStatus.QUEUED));

        alice.core().start().join();
        alice.core().accounts().setEnabled(aliceAccount.id(), true).join();

        alice.events().await(MessageUpdated.class, e -> e.message().seq() == second.seq()
                && e.message().status().isAfter(MessageStatus.QUEUED));
        bob.events().await(MessageAdded.class, e -> e.message().body().equals("second, written offline"));
        assertThat(bob.events().events(MessageAdded.class)).extracting(e -> e.message().body())
                .containsExactly("first, written offline", "second, written offline");
    }

    @Test
    void blankTextIsRefused() {
        assertThatThrownBy(() -> alice.core().conversations().send(aliceWithBob, " \n\t "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textOverTheNetworkLimitIsSplitAtCodePoints() {
        String text = "中文消息的拆分测试".repeat(3_000);
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);

        alice.core().conversations().send(aliceWithBob, text).join();

        List<StoredMessage> stored = alice.core().conversations().recent(aliceWithBob, 10).join();
        assertThat(stored).hasSizeGreaterThan(1);
        assertThat(stored).extracting(m -> m.id().clientId()).doesNotHaveDuplicates();
        assertThat(String.join("", stored.stream().map(StoredMessage::body).toList())).isEqualTo(text);
        StoredMessage last = stored.getLast();
        bob.events().await(MessageAdded.class, e -> e.message().body().equals(last.body()));
        assertThat(String.join("", bob.events().events(MessageAdded.class).stream()
                .map(e -> e.message().body()).toList())).isEqualTo(text);
    }

    @Test
    void aMessageTheServerRefusesFailsWithItsReason() {
        ConversationId nobody = new ConversationId(new ContactAddress(aliceAccount.id(), "nobody-by-that-name"));

        StoredMessage sent = alice.core().conversations().send(nobody, "anyone there?").join();

        MessageUpdated failed = alice.events().await(MessageUpdated.class, e -> e.message().seq() == sent.seq()
                && e.message().status() != MessageStatus.QUEUED);
        assertThat(failed.message().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.message().failure()).isNotBlank();
    }

    @Test
    void messagesTheServerRateLimitsAreRetriedOnTheLiveConnectionInOrder() {
        // The server takes 60 frames at once, then 20 a second, and drops what is over (PROTOCOL.md).
        int count = 120;
        StoredMessage last = null;
        for (int i = 1; i <= count; i++) {
            last = alice.core().conversations().send(aliceWithBob, "burst " + i).join();
        }
        long lastSeq = last.seq();

        alice.events().await(MessageUpdated.class, e -> e.message().seq() == lastSeq
                && e.message().status().isAfter(MessageStatus.QUEUED));
        bob.events().await(MessageAdded.class, e -> e.message().body().equals("burst " + count));

        assertThat(bob.events().events(MessageAdded.class)).extracting(e -> e.message().body())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, count)
                        .mapToObj(i -> "burst " + i).toList());
        assertThat(alice.core().conversations().recent(aliceWithBob, count).join())
                .filteredOn(m -> m.status() == MessageStatus.QUEUED || m.status() == MessageStatus.FAILED)
                .extracting(m -> m.body() + ": " + m.status() + " " + m.failure()).isEmpty();
    }

    @Test
    void retryWaitsGrowAndAreCapped() {
        assertThat(Outbox.retryDelay(0)).isEqualTo(Outbox.FIRST_RETRY);
        assertThat(Outbox.retryDelay(1)).isEqualTo(Outbox.FIRST_RETRY.multipliedBy(2));
        assertThat(Outbox.retryDelay(40)).isEqualTo(Outbox.MAX_RETRY);
    }
}
