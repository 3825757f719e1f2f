package org.switchboard.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.irc.Sessions.TIMEOUT;
import static org.switchboard.irc.Sessions.join;
import static org.switchboard.irc.Sessions.unique;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.irc.Sessions.Client;
import org.switchboard.irc.testing.NgircdServer;
import org.switchboard.irc.testing.RawIrcClient;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.CertificateInfo;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.GroupChat;
import org.switchboard.protocol.tls.Certificates;
import org.switchboard.protocol.tls.ClientTls;

/** Logging in: TLS trust and host names, passwords, nick fallbacks, deadlines and hostile servers. */
class IrcConnectTest {

    private static NgircdServer server;
    private final Sessions sessions = new Sessions();

    @BeforeAll
    static void startServer() throws Exception {
        server = NgircdServer.builder().serverPassword("door-密码").start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeSessions() {
        sessions.close();
    }

    private static AccountConfig without(AccountConfig config, String key) {
        Map<String, String> settings = new HashMap<>(config.settings());
        settings.remove(key);
        return new AccountConfig(config.id(), config.protocolId(), settings, config.secrets());
    }

    private static void assertFails(Client client, Reason reason) {
        assertThatThrownBy(() -> join(client.session().connect()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(client.session().state()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void aWrongOrMissingServerPasswordFailsWithAuthFailed() throws Exception {
        AccountConfig right = server.account(unique("pw"));
        assertFails(sessions.open(new AccountConfig(right.id(), "irc", right.settings(),
                Map.of(IrcSettings.SERVER_PASSWORD, "wrong"))), Reason.AUTH_FAILED);
        assertFails(sessions.open(new AccountConfig(right.id(), "irc", right.settings(), Map.of())), Reason.AUTH_FAILED);
        sessions.connected(right);
    }

    @Test
    void anUnknownCertificateIsRefusedWithItsFingerprintUntilPinned() throws Exception {
        AccountConfig untrusted = without(server.account(unique("tls")), ClientTls.CA_FILE);
        Client first = sessions.open(untrusted);
        ProtocolException refused = (ProtocolException) org.assertj.core.api.Assertions.catchThrowable(
                () -> join(first.session().connect()));
        assertThat(refused.reason()).isEqualTo(Reason.UNTRUSTED_CERTIFICATE);
        CertificateInfo info = refused.certificate().orElseThrow();
        String expected = Certificates.sha256(Certificates.read(server.caFile()).getFirst());
        assertThat(info.sha256Fingerprint()).isEqualTo(expected);
        assertThat(refused.getMessage()).contains(Certificates.display(expected));

        Client pinned = sessions.connected(untrusted.withSetting(AccountConfig.PINNED_CERTIFICATES, expected));
        assertThat(pinned.session().state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenFromATrustedAuthority() throws Exception {
        try (NgircdServer other = NgircdServer.builder().certificateNames(List.of("other.example"), List.of()).start()) {
            Client client = sessions.open(other.account(unique("host")));
            ProtocolException refused = (ProtocolException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> join(client.session().connect()));
            assertThat(refused.reason()).isEqualTo(Reason.UNTRUSTED_CERTIFICATE);
            assertThat(refused.getMessage()).containsIgnoringCase("localhost");
        }
    }

    @Test
    void aTakenNickFallsBackToTheAlternatesAndThenToUnderscores() throws Exception {
        String nick = unique("taken");
        try (RawIrcClient holder = RawIrcClient.connect(server, nick)) {
            String alternate = unique("alt");
            try (RawIrcClient altHolder = RawIrcClient.connect(server, alternate)) {
                Client client = sessions.connected(server.account(nick).withSetting(IrcSettings.ALTERNATE_NICKS, alternate));
                GroupChat rooms = client.need(GroupChat.class);
                assertThat(rooms.nick(rooms.room("#any"))).isEqualTo(nick + "_");
            }
        }
    }

    @Test
    void withoutSaslOnTheServerASaslLoginFailsUnlessNickServMayBeUsed() throws Exception {
        AccountConfig base = server.account(unique("nosasl")).withSetting(IrcSettings.SASL_ACCOUNT, "someone");
        Map<String, String> secrets = new HashMap<>(base.secrets());
        secrets.put(IrcSettings.SASL_PASSWORD, "pw");
        AccountConfig sasl = new AccountConfig(base.id(), base.protocolId(), base.settings(), secrets);
        Client refused = sessions.open(sasl);
        assertThatThrownBy(() -> join(refused.session().connect()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED);
                    assertThat(e.getMessage()).contains("does not offer SASL");
                });
        Client fallback = sessions.connected(sasl.withSetting(IrcSettings.NICKSERV, "true"));
        assertThat(fallback.session().state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void closingReleasesTheSessionsThreads() throws Exception {
        Client client = sessions.connected(server.account(unique("threads")));
        String id = client.config().id().value();
        assertThat(threadsOf(id)).isNotEmpty();
        client.session().close();
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> threadsOf(id).isEmpty());
        assertThatThrownBy(() -> join(client.session().connect()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CONNECTED));
    }

    private static List<String> threadsOf(String accountId) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.contains(accountId)).toList();
    }

    @Test
    void aPlainConnectionWorksWhenTlsIsTurnedOff() throws Exception {
        Client client = sessions.connected(server.account(unique("plain"))
                .withSetting(IrcSettings.TLS, "false").withSetting(IrcSettings.PORT, Integer.toString(server.plainPort())));
        assertThat(client.session().state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aServerThatNeverAnswersFailsWithTimeoutBeforeTheDeadline() throws Exception {
        // Reads what the client says and never answers, until the client gives up and hangs up.
        try (FakeIrcServer silent = new FakeIrcServer((in, out) -> in.transferTo(OutputStream.nullOutputStream()))) {
            Client client = sessions.open(plain(silent.port(), "1"));
            long start = System.nanoTime();
            assertFails(client, Reason.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void hostileLinesDoNotStopTheSession() throws Exception {
        try (FakeIrcServer hostile = new FakeIrcServer((in, out) -> {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String nick = null;
            while (nick == null) {
                String line = reader.readLine();
                if (line == null) {
                    return;
                }
                if (line.startsWith("NICK ")) {
                    nick = line.substring(5);
                }
            }
            out.write("x".repeat(2_000_000).getBytes(StandardCharsets.UTF_8));
            out.write(("\r\n@\r\n:\r\n:srv\r\n:srv 353\r\n:srv 005\r\n:srv 332 " + nick + "\r\n\r\n"
                    + ":srv CAP\r\n:srv 001\r\n:srv MODE #nowhere +o\r\n:a!b@c PRIVMSG\r\n:a!b@c KICK\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xff, (byte) 0xfe, '\r', '\n'});
            out.write((":srv 001 " + nick + " :welcome\r\n:srv 005 " + nick + " PREFIX=(ov CHANMODES= :x\r\n"
                    + ":srv 376 " + nick + " :end\r\n:a!b@c JOIN\r\n:a!b@c NICK\r\n:srv 366\r\n:srv 730\r\n"
                    + ":a!b@c PRIVMSG " + nick + " :\u0001\r\n:a!b@c PRIVMSG " + nick + " :still fine\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (reader.readLine() != null) {
                // Keep the connection open while the client talks.
            }
        })) {
            Client client = sessions.connected(plain(hostile.port(), "10"));
            client.events().await(MessageReceived.class, e -> e.message().body().equals("still fine"), TIMEOUT);
            assertThat(client.session().state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    private static AccountConfig plain(int port, String timeoutSeconds) {
        return new AccountConfig(AccountId.random(), IrcProvider.ID, Map.of(IrcSettings.HOST, "127.0.0.1",
                IrcSettings.PORT, Integer.toString(port), IrcSettings.TLS, "false", IrcSettings.NICK, unique("fake"),
                IrcSettings.CONNECT_TIMEOUT_SECONDS, timeoutSeconds), Map.of());
    }
}
