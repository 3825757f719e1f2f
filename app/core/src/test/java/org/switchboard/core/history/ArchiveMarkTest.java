package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.RoomAddress;

/** Where an account's one-to-one history stands against the archive: rooms and other accounts aside. */
class ArchiveMarkTest {

    @TempDir
    Path dir;

    private final AccountId account = new AccountId("acc-1");
    private final AccountId other = new AccountId("acc-2");

    @Test
    void theNewestStoredArchiveIdAndTimeOfTheAccountsOneToOneConversations() throws Exception {
        try (HistoryStore history = HistoryStore.open(dir.resolve("history.db"))) {
            assertThat(history.archiveMark(account).join()).isEqualTo(new ArchiveMark(null, null));

            ConversationId bob = new ConversationId(new ContactAddress(account, "bob@x"));
            ConversationId cat = new ConversationId(new ContactAddress(account, "cat@x"));
            add(history, bob, new MessageId("a", "arch-1"), 1_000);
            add(history, cat, new MessageId("b", "arch-2"), 3_000);
            // Stored later but written earlier (a late delivery): the archive id still moves on.
            add(history, bob, new MessageId("c", "arch-3"), 2_000);
            // No archive id (sent from here, not yet echoed), in a room, or on another account: not counted for the id.
            add(history, bob, new MessageId("d", null), 4_000);
            add(history, new ConversationId(new RoomAddress(account, "room@muc")), new MessageId("e", "room-9"), 9_000);
            add(history, new ConversationId(new ContactAddress(other, "bob@x")), new MessageId("f", "arch-7"), 8_000);

            ArchiveMark mark = history.archiveMark(account).join();
            assertThat(mark.newestNetworkId()).isEqualTo("arch-3");
            assertThat(mark.newestTime()).isEqualTo(Instant.ofEpochMilli(4_000));
        }
    }

    private static void add(HistoryStore history, ConversationId c, MessageId id, long ms) {
        history.add(new StoredMessage(0, c, id, Direction.INCOMING, "text " + id.clientId(), Instant.ofEpochMilli(ms),
                MessageStatus.DELIVERED, null, c.isRoom() ? "nick" : null, org.switchboard.protocol.model.MessageKind.CHAT,
                false)).join();
    }
}
