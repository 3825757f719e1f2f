package org.switchboard.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.irc.Sessions.TIMEOUT;
import static org.switchboard.irc.Sessions.join;
import static org.switchboard.irc.Sessions.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.irc.Sessions.Client;
import org.switchboard.irc.testing.InspircdServer;
import org.switchboard.irc.testing.RawIrcClient;
import org.switchboard.protocol.event.ProtocolEvent.PresenceChanged;
import org.switchboard.protocol.event.ProtocolEvent.RoomActivityOccurred;
import org.switchboard.protocol.event.ProtocolEvent.RoomJoined;
import org.switchboard.protocol.event.ProtocolEvent.RoomMessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.ServerNotice;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.capability.GroupChat;
import org.switchboard.protocol.spi.capability.Presence;

/**
 * Against InspIRCd 3 with Atheme services: SASL PLAIN (InspIRCd asks with {@code AUTHENTICATE :+},
 * on which PircBotX's own handler hangs), NickServ, MONITOR, away-notify and server-time.
 */
class IrcServicesTest {

    private static InspircdServer server;
    private final Sessions sessions = new Sessions();

    @BeforeAll
    static void startServer() throws Exception {
        server = InspircdServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeSessions() {
        sessions.close();
    }

    private static String whoisAccount(String nick) throws Exception {
        try (RawIrcClient asker = RawIrcClient.connect(server.host(), server.tlsPort(), server.caFile(), unique("who"), null)) {
            asker.send("WHOIS " + nick);
            asker.await(l -> l.contains(" 318 "), TIMEOUT);
            return asker.lines().stream().filter(l -> l.contains(" 330 ")).findFirst().orElse("");
        }
    }

    @Test
    void saslPlainLogsIn() throws Exception {
        String nick = unique("sasl");
        server.registerAccount(nick, "pw-秘密-1");
        Client client = sessions.connected(server.saslAccount(nick, nick, "pw-秘密-1"));
        assertThat(client.session().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(whoisAccount(nick)).contains(" 330 ").contains(nick);
    }

    @Test
    void aRefusedSaslLoginFailsWithAuthFailedWithinSeconds() throws Exception {
        String nick = unique("sasl");
        server.registerAccount(nick, "right");
        Client client = sessions.open(server.saslAccount(nick, nick, "wrong"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> join(client.session().connect()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProtocolException.Reason.AUTH_FAILED);
                    assertThat(e.getMessage()).contains("SASL");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(client.session().state()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void withoutASaslAccountThePasswordIdentifiesToNickServ() throws Exception {
        String nick = unique("ns");
        server.registerAccount(nick, "ns-password");
        AccountConfig plain = server.account(nick).withSetting(IrcSettings.NICKSERV, "true");
        Client client = sessions.connected(new AccountConfig(plain.id(), plain.protocolId(), plain.settings(),
                Map.of(IrcSettings.SASL_PASSWORD, "ns-password")));
        client.events().await(ServerNotice.class, e -> e.from().equals("NickServ")
                && e.text().contains("identified"), TIMEOUT);
        assertThat(whoisAccount(nick)).contains(" 330 ");
    }

    @Test
    void monitorReportsFriendsComingAndGoingWithoutPolling() throws Exception {
        String bobNick = unique("bob");
        Client alice = sessions.connected(Sessions.with(server.account(unique("alice")),
                Map.of(IrcSettings.FRIENDS, bobNick, IrcSettings.POLL_SECONDS, "600")));
        Client bob = sessions.connected(server.account(bobNick));
        alice.events().await(PresenceChanged.class, e -> e.contact().handle().equals(bobNick)
                && e.presence().availability() == Availability.ONLINE, TIMEOUT);
        bob.session().close();
        alice.events().await(PresenceChanged.class, e -> e.contact().handle().equals(bobNick)
                && e.presence().availability() == Availability.OFFLINE, TIMEOUT);
    }

    @Test
    void awayNotifyAndServerTimeCoverChannelMembers() throws Exception {
        String channel = unique("#ircv3");
        Client alice = sessions.connected(server.account(unique("alice")));
        Client bob = sessions.connected(server.account(unique("bob")));
        String bobNick = bob.config().settings().get(IrcSettings.NICK);
        GroupChat rooms = alice.need(GroupChat.class);
        RoomAddress room = rooms.room(channel);
        join(rooms.join(room, null, null));
        join(bob.need(GroupChat.class).join(bob.need(GroupChat.class).room(channel), null, null));
        alice.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.Joined, TIMEOUT);

        join(bob.need(Presence.class).setOwn(new PresenceStatus(Availability.AWAY, "lunch 午饭")));
        alice.events().await(RoomActivityOccurred.class, e -> e.activity() instanceof RoomActivity.AwayChanged a
                && a.nick().equals(bobNick) && a.away(), TIMEOUT);

        try (RawIrcClient observer = RawIrcClient.connect(server.host(), server.tlsPort(), server.caFile(), unique("obs"), null);
             RawIrcClient speaker = RawIrcClient.connect(server.host(), server.tlsPort(), server.caFile(), unique("spk"), null)) {
            observer.send("CAP REQ :server-time");
            observer.await(l -> l.contains(" ACK "), TIMEOUT);
            observer.send("JOIN " + channel);
            observer.await(l -> l.contains(" 366 "), TIMEOUT);
            speaker.send("JOIN " + channel);
            speaker.await(l -> l.contains(" 366 "), TIMEOUT);
            speaker.send("PRIVMSG " + channel + " :what time is it");
            String seen = observer.await(l -> l.endsWith(":what time is it"), TIMEOUT);
            Instant tagged = Instant.parse(seen.substring(seen.indexOf("time=") + 5, seen.indexOf(seen.contains(";") ? ';' : ' ', seen.indexOf("time="))));
            RoomMessageReceived atAlice = alice.events().await(RoomMessageReceived.class,
                    e -> e.message().body().equals("what time is it"), TIMEOUT);
            assertThat(atAlice.message().timestamp()).isEqualTo(tagged);
        }
        assertThat(alice.events().all(RoomJoined.class)).hasSize(1);
    }
}
