package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.RoomAddress;

/**
 * V3 (rooms) on a database left by V1 or V2: the old rows stay one-to-one messages under their
 * old keys, and the new columns work: rooms, senders, notices, corrections that the full-text
 * index follows, and de-duplication of room messages.
 */
class HistoryRoomsMigrationTest {

    @TempDir
    Path dir;

    private final AccountId account = new AccountId("acc");
    private final ConversationId chat = new ConversationId(new ContactAddress(account, "lin"));
    private final ConversationId room = new ConversationId(new RoomAddress(account, "#lin"));

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void roomsSendersKindsAndCorrectionsWorkOnAMigratedDatabase(int version) throws Exception {
        Path file = dir.resolve("v" + version + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            for (int v = 1; v <= version; v++) {
                for (String sql : Migrations.statements(script(Migrations.SCRIPTS.get(v - 1)))) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + version);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO messages (conversation, account, peer, "
                    + "client_id, network_id, direction, body, timestamp_ms, status, failure) "
                    + "VALUES (?, ?, ?, 'old-1', NULL, 'INCOMING', 'the quarterly budget draft', 1000, "
                    + "'DELIVERED', NULL)")) {
                insert.setString(1, chat.key());
                insert.setString(2, account.value());
                insert.setString(3, "lin");
                insert.executeUpdate();
            }
            if (version >= 2) {
                // A V2 database indexed its rows as it stored them.
                s.execute("INSERT INTO messages_fts (rowid, body) SELECT seq, body FROM messages");
            }
        }

        try (HistoryStore history = HistoryStore.open(file)) {
            assertThat(history.schemaVersion().join()).isEqualTo(Migrations.latestVersion());
            StoredMessage old = history.recent(chat, 10).join().getFirst();
            assertThat(old.conversation()).isEqualTo(chat);
            assertThat(old.sender()).isNull();
            assertThat(old.kind()).isEqualTo(MessageKind.CHAT);
            assertThat(old.edited()).isFalse();

            StoredMessage live = roomMessage(new MessageId("live-1", "net-1"), "ann", "hello #lin");
            StoredMessage archived = roomMessage(new MessageId("archive-copy", "net-1"), "ann", "hello #lin");
            StoredMessage notice = new StoredMessage(0, room, MessageId.of("n-1"), Direction.INCOMING,
                    "the server restarts at noon", Instant.ofEpochMilli(3_000), MessageStatus.DELIVERED, null,
                    "ChanServ", MessageKind.NOTICE, false);
            assertThat(history.add(live).join()).isPresent();
            assertThat(history.add(archived).join()).as("the archive's copy of a live message").isEmpty();
            assertThat(history.add(notice).join()).isPresent();

            List<StoredMessage> inRoom = history.recent(room, 10).join();
            assertThat(inRoom).extracting(StoredMessage::sender).containsExactly("ann", "ChanServ");
            assertThat(inRoom).extracting(StoredMessage::kind).containsExactly(MessageKind.CHAT, MessageKind.NOTICE);
            assertThat(inRoom).allMatch(m -> m.conversation().equals(room));
            assertThat(history.recent(chat, 10).join()).hasSize(1);
            assertThat(history.unreadCounts().join()).containsEntry(room, 2).containsEntry(chat, 1);

            Optional<StoredMessage> corrected = history.correct(chat, MessageId.of("old-1"),
                    "the annual forecast draft").join();
            assertThat(corrected).get().satisfies(m -> {
                assertThat(m.edited()).isTrue();
                assertThat(m.body()).isEqualTo("the annual forecast draft");
            });
            assertThat(history.recent(chat, 10).join().getFirst().edited()).isTrue();
            assertThat(history.search(SearchQuery.of("forecast")).join()).hasSize(1);
            assertThat(history.search(SearchQuery.of("budget")).join()).as("the old text left the index").isEmpty();
            assertThat(history.search(SearchQuery.of("noon")).join()).extracting(h -> h.message().sender())
                    .containsExactly("ChanServ");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theOutboxesOfRoomsAndOfOneToOneChatsAreKeptApart(int version) throws Exception {
        Path file = dir.resolve("outbox-v" + version + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            for (int v = 1; v <= version; v++) {
                for (String sql : Migrations.statements(script(Migrations.SCRIPTS.get(v - 1)))) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + version);
        }
        try (HistoryStore history = HistoryStore.open(file)) {
            StoredMessage toRoom = new StoredMessage(0, room, MessageId.of("q-room"), Direction.OUTGOING, "to the room",
                    Instant.ofEpochMilli(1_000), MessageStatus.QUEUED, null, "me", MessageKind.CHAT, false);
            StoredMessage toLin = new StoredMessage(0, chat, MessageId.of("q-chat"), Direction.OUTGOING, "to lin",
                    Instant.ofEpochMilli(2_000), MessageStatus.QUEUED, null);
            history.add(toRoom).join();
            history.add(toLin).join();
            // The user's own message echoed back by the network, same client id: stored once.
            StoredMessage echo = new StoredMessage(0, room, MessageId.of("q-room"), Direction.OUTGOING, "to the room",
                    Instant.ofEpochMilli(1_500), MessageStatus.SENT, null, "me", MessageKind.CHAT, false);
            assertThat(history.add(echo).join()).isEmpty();

            assertThat(history.queued(account, true).join()).extracting(StoredMessage::body).containsExactly("to the room");
            assertThat(history.queued(account).join()).extracting(StoredMessage::body).containsExactly("to lin");
        }
    }

    private StoredMessage roomMessage(MessageId id, String sender, String body) {
        return new StoredMessage(0, room, id, Direction.INCOMING, body, Instant.ofEpochMilli(2_000),
                MessageStatus.DELIVERED, null, sender, MessageKind.CHAT, false);
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/history/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
