package org.switchboard.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.MessageFailures;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.history.HistoryStore;
import org.switchboard.core.internal.CoreThread;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.spi.ProtocolException;

/**
 * Discarding a conversation's messages while one of them is being sent: the others never go, the
 * one under way is not retried when its send fails and is recorded failed with the reason given,
 * and the account's other conversations go on. The channel here only hands out the sends for the
 * test to finish: a real network cannot be made to answer exactly between the two steps.
 */
class OutboxDiscardTest {

    @TempDir
    Path dir;

    private final AccountId account = new AccountId("acc");
    private final ConversationId left = new ConversationId(new RoomAddress(account, "#left"));
    private final ConversationId kept = new ConversationId(new RoomAddress(account, "#kept"));
    private final List<StoredMessage> sent = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<MessageId>> answers = new CopyOnWriteArrayList<>();
    private final List<StoredMessage> updates = new CopyOnWriteArrayList<>();
    private CoreThread core;
    private HistoryStore history;
    private Outbox outbox;

    @BeforeEach
    void setUp() throws Exception {
        core = new CoreThread();
        history = HistoryStore.open(dir.resolve("history.db"));
        outbox = new Outbox(core, history, true, a -> Optional.of(message -> {
            CompletableFuture<MessageId> answer = new CompletableFuture<>();
            sent.add(message);
            answers.add(answer);
            return answer;
        }), updates::add);
    }

    @AfterEach
    void tearDown() {
        history.close();
        core.shutdown(Duration.ofSeconds(2));
    }

    private StoredMessage queued(ConversationId room, String body) {
        return history.add(new StoredMessage(0, room, MessageId.newClientId(), Direction.OUTGOING, body,
                Instant.now(), MessageStatus.QUEUED, null, "me", MessageKind.CHAT, false)).join().orElseThrow();
    }

    @Test
    void theOneUnderWayFailsWithTheReasonAndTheOtherRoomGoesOn() {
        StoredMessage underWay = queued(left, "under way");
        StoredMessage waiting = queued(left, "waiting");
        StoredMessage other = queued(kept, "other room");
        core.call(() -> {
            outbox.enqueue(underWay);
            outbox.enqueue(waiting);
            outbox.enqueue(other);
            return null;
        }).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 1);

        long sending = core.call(() -> outbox.discard(left, MessageFailures.LEFT_ROOM)).join();
        assertThat(sending).isEqualTo(underWay.seq());
        answers.getFirst().completeExceptionally(
                new ProtocolException(ProtocolException.Reason.NOT_CONNECTED, "not in #left"));

        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 2);
        assertThat(sent).extracting(StoredMessage::body).containsExactly("under way", "other room");
        await().atMost(Duration.ofSeconds(10)).until(() -> updates.stream().anyMatch(m -> m.seq() == underWay.seq()));
        assertThat(updates).filteredOn(m -> m.seq() == underWay.seq()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(m.failure()).isEqualTo(MessageFailures.LEFT_ROOM);
        });
        assertThat(waiting.seq()).isNotIn(sent.stream().map(StoredMessage::seq).toList());
    }
}
