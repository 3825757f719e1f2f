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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/**
 * A database left by every earlier version, built with that version's own scripts as they are
 * in the repository and filled with rows, opens with the current code: nothing is lost and the
 * old rows are found by search.
 */
class HistoryMigrationTest {

    @TempDir
    Path dir;

    private final ConversationId chat = new ConversationId(new ContactAddress(new AccountId("acc"), "lin"));

    static List<Integer> earlierVersions() {
        return java.util.stream.IntStream.range(1, Migrations.latestVersion()).boxed().toList();
    }

    @ParameterizedTest
    @MethodSource("earlierVersions")
    void aDatabaseFromAnEarlierVersionIsMigratedAndItsRowsAreSearchable(int version) throws Exception {
        Path file = dir.resolve("v" + version + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            for (int v = 1; v <= version; v++) {
                for (String sql : Migrations.statements(script(Migrations.SCRIPTS.get(v - 1)))) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + version);
            insert(c, version, "m1", "old message about the quarterly budget", 1_000);
            insert(c, version, "m2", "舊的訊息：即時通訊紀錄", 2_000);
            insert(c, version, "m3", "旧消息：我们开会", 3_000);
            // The newest message deleted: its seq must not be given again (AUTOINCREMENT before V8).
            insert(c, version, "gone", "deleted before the upgrade", 3_500);
            s.execute("DELETE FROM messages WHERE client_id = 'gone'");
            if (version >= 2 && version < 5) {
                // That version's app wrote each row's index text as it stored the row (V5 moved the index out).
                s.execute("INSERT INTO messages_fts (rowid, body) SELECT seq, body FROM messages");
            }
        }

        try (HistoryStore history = HistoryStore.open(file)) {
            assertThat(history.schemaVersion().join()).isEqualTo(Migrations.latestVersion());
            assertThat(history.recent(chat, 10).join()).extracting(StoredMessage::body).hasSize(3);
            assertThat(history.search(SearchQuery.of("budget")).join()).hasSize(1);
            assertThat(history.search(SearchQuery.of("通訊")).join()).hasSize(1);
            assertThat(history.search(SearchQuery.of("开会")).join()).hasSize(1);
            assertThat(history.search(SearchQuery.of("QUARTERLY")).join()).as("case folded").hasSize(1);

            // The old rows got their de-duplication keys: the same message is not stored again.
            StoredMessage again = new StoredMessage(0, chat, MessageId.of("m2"), Direction.INCOMING,
                    "舊的訊息：即時通訊紀錄", Instant.ofEpochMilli(2_000), MessageStatus.DELIVERED, null);
            assertThat(history.add(again).join()).isEmpty();
            assertThat(history.add(new StoredMessage(0, chat, MessageId.of("m4"), Direction.INCOMING, "new",
                    Instant.ofEpochMilli(4_000), MessageStatus.DELIVERED, null)).join())
                    .get().extracting(StoredMessage::seq).as("after the deleted one's").isEqualTo(5L);
            assertThat(history.updateStatus(chat, MessageId.of("m1"), MessageStatus.READ, null).join()).isPresent();

            // An old row deleted (retention) leaves its key behind; the same message coming again is stored.
            assertThat(history.deleteOlderThan(chat.account(), Instant.ofEpochMilli(1_500), 10).join()).isEqualTo(1);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM message_key_releases WHERE key = "
                         + DedupeKey.of(chat.key(), "m1"))) {
                rs.next();
                // Keys stored before V6 were moved into a run, whose pair the next merge drops; V6 held it in memory.
                assertThat(rs.getInt(1)).as("its key released").isEqualTo(version < 6 ? 1 : 0);
            }
            assertThat(history.add(new StoredMessage(0, chat, MessageId.of("m1"), Direction.INCOMING,
                    "old message about the quarterly budget", Instant.ofEpochMilli(1_000), MessageStatus.DELIVERED,
                    null)).join()).isPresent();
            assertThat(history.search(SearchQuery.of("budget")).join()).hasSize(1);
        }
    }

    @Test
    void everyEarlierVersionIsCovered() {
        assertThat(earlierVersions()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(1, Migrations.SCRIPTS.size()).boxed().toList());
        assertThat(earlierVersions()).isNotEmpty();
    }

    @Test
    void triggerBodiesStayOneStatement() {
        List<String> statements = Migrations.statements("""
                -- a comment
                CREATE TABLE t (x INTEGER);
                CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN
                    DELETE FROM t WHERE x < 0;
                    DELETE FROM t WHERE x > 9;
                END;
                CREATE INDEX t_x ON t (x);
                """);
        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).startsWith("CREATE TRIGGER").endsWith("END");
    }

    private void insert(Connection c, int version, String id, String body, long time) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO messages (conversation, account, peer, "
                + "client_id, network_id, direction, body, timestamp_ms, status, failure) "
                + "VALUES (?, ?, ?, ?, NULL, 'INCOMING', ?, ?, 'DELIVERED', NULL)")) {
            s.setString(1, chat.key());
            s.setString(2, chat.peer().account().value());
            s.setString(3, chat.peer().handle());
            s.setString(4, id);
            s.setString(5, body);
            s.setLong(6, time);
            s.executeUpdate();
        }
        if (version >= Migrations.KEYS_VERSION) {
            // That version's app keyed each row as it stored it.
            long key = DedupeKey.of(chat.key(), id);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE messages SET dedupe_key = " + key + " WHERE seq = last_insert_rowid()");
                if (version < 6) {
                    // V6 and later read the keys back from the rows instead.
                    s.execute("INSERT INTO message_keys_recent (key, seq) SELECT " + key + ", MAX(seq) FROM messages");
                }
            }
        }
        if (version >= 5) {
            // And kept each conversation's times.
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO conversation_times (conversation, account, room, oldest_ms, newest_ms) VALUES ('"
                        + chat.key() + "', '" + chat.account().value() + "', 0, " + time + ", " + time + ") "
                        + "ON CONFLICT (conversation) DO UPDATE SET oldest_ms = MIN(oldest_ms, excluded.oldest_ms), "
                        + "newest_ms = MAX(newest_ms, excluded.newest_ms)");
            }
        }
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/history/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
