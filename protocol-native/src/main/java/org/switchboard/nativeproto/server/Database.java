package org.switchboard.nativeproto.server;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's SQLite file. One connection, used under a lock: SQLite serialises writers anyway,
 * and a chat server's statements are short. Schema changes are numbered migrations recorded in
 * {@code PRAGMA user_version}.
 */
final class Database implements AutoCloseable {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE users (
              name TEXT PRIMARY KEY,
              salt BLOB NOT NULL,
              iterations INTEGER NOT NULL,
              stored_key BLOB NOT NULL,
              server_key BLOB NOT NULL,
              created TEXT NOT NULL);
            CREATE TABLE contacts (
              owner TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
              peer TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
              display_name TEXT,
              groups_json TEXT NOT NULL DEFAULT '[]',
              sub_to INTEGER NOT NULL DEFAULT 0,
              sub_from INTEGER NOT NULL DEFAULT 0,
              pending_out INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (owner, peer));
            CREATE INDEX contacts_by_peer ON contacts(peer);
            CREATE TABLE subscription_requests (
              target TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
              requester TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
              text TEXT NOT NULL DEFAULT '',
              created TEXT NOT NULL,
              PRIMARY KEY (target, requester));
            CREATE TABLE queued_messages (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              server_id TEXT NOT NULL UNIQUE,
              sender TEXT NOT NULL,
              recipient TEXT NOT NULL,
              client_id TEXT NOT NULL,
              body TEXT NOT NULL,
              sent_at TEXT NOT NULL);
            CREATE INDEX queued_messages_by_recipient ON queued_messages(recipient, seq);
            CREATE TABLE queued_receipts (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              recipient TEXT NOT NULL,
              sender TEXT NOT NULL,
              kind TEXT NOT NULL,
              client_id TEXT NOT NULL,
              server_id TEXT,
              at TEXT NOT NULL);
            CREATE INDEX queued_receipts_by_recipient ON queued_receipts(recipient, seq);
            """,
            // 2: what the offline caps and the expiry need (size, time queued), the log of sent
            // messages that receipts are checked against, and server settings (the decoy secret).
            """
            ALTER TABLE queued_messages ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE queued_messages ADD COLUMN queued_ms INTEGER NOT NULL DEFAULT 0;
            UPDATE queued_messages SET bytes = length(CAST(body AS BLOB)) + length(CAST(client_id AS BLOB)),
              queued_ms = CAST(strftime('%s','now') AS INTEGER) * 1000;
            CREATE INDEX queued_messages_by_pair ON queued_messages(recipient, sender);
            ALTER TABLE queued_receipts ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE queued_receipts ADD COLUMN queued_ms INTEGER NOT NULL DEFAULT 0;
            UPDATE queued_receipts SET bytes = 64 + length(CAST(client_id AS BLOB)),
              queued_ms = CAST(strftime('%s','now') AS INTEGER) * 1000;
            CREATE INDEX queued_receipts_by_pair ON queued_receipts(recipient, sender);
            CREATE TABLE message_log (
              server_id TEXT PRIMARY KEY,
              client_id TEXT NOT NULL,
              sender TEXT NOT NULL,
              recipient TEXT NOT NULL,
              sent_ms INTEGER NOT NULL);
            CREATE INDEX message_log_by_pair ON message_log(sender, recipient, client_id);
            INSERT INTO message_log(server_id, client_id, sender, recipient, sent_ms)
              SELECT server_id, client_id, sender, recipient, queued_ms FROM queued_messages;
            CREATE TABLE settings (
              name TEXT PRIMARY KEY,
              value BLOB NOT NULL);
            """);

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Connection connection) {
        this.connection = connection;
    }

    static Database open(Path file) throws IOException {
        // Created owner-only before SQLite opens it: it holds every user's SCRAM keys, and SQLite
        // gives its -wal and -shm files the database file's permissions.
        PrivateFiles.file(file);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
            }
            Database database = new Database(connection);
            database.migrate();
            return database;
        } catch (SQLException e) {
            throw new IOException("cannot open the server database " + file + ": " + e.getMessage(), e);
        }
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > MIGRATIONS.size()) {
            throw new SQLException("the database is from a newer server (schema " + version + ")");
        }
        for (int i = version; i < MIGRATIONS.size(); i++) {
            int next = i + 1;
            transact(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : MIGRATIONS.get(next - 1).split(";")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                    s.execute("PRAGMA user_version=" + next);
                }
                return null;
            });
        }
    }

    /** Runs {@code work} in one transaction. */
    <T> T transact(Work<T> work) throws SQLException {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing is best effort; the WAL is checkpointed on the next open.
        } finally {
            lock.unlock();
        }
    }
}
