package org.switchboard.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.irc.Sessions.TIMEOUT;
import static org.switchboard.irc.Sessions.join;
import static org.switchboard.irc.Sessions.unique;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.switchboard.irc.Sessions.Client;
import org.switchboard.irc.testing.RawIrcClient;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.ServerNotice;
import org.switchboard.protocol.model.ChatMessage;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.capability.Messaging;

/** Private messages, CTCP, notices, splitting and flood control on a real ngircd. */
class IrcMessagingTest extends OnNgircd {

    private Client user(String prefix, Map<String, String> settings) throws Exception {
        return sessions.connected(Sessions.with(server.account(unique(prefix)), settings));
    }

    private static String nick(Client client) {
        return client.config().settings().get(IrcSettings.NICK);
    }

    private static MessageId send(Client from, String to, String body) throws Exception {
        return join(from.need(Messaging.class).send(new OutgoingMessage(MessageId.newClientId(), from.address(to), body)));
    }

    @Test
    void privateMessagesNoticesAndActionsFromAnotherClientArriveWithoutFormatting() throws Exception {
        Client alice = user("alice", Map.of());
        try (RawIrcClient peer = RawIrcClient.connect(server, unique("Peer"))) {
            peer.send("PRIVMSG " + nick(alice) + " :hello \u0002bold\u0002 \u000312,1colour\u0003 \u001Fund\u001F 你好");
            MessageReceived hello = alice.events().await(MessageReceived.class, e -> e.message().body().startsWith("hello"), TIMEOUT);
            assertThat(hello.message().body()).isEqualTo("hello bold colour und 你好");
            assertThat(hello.message().peer().handle()).as("handles are case-folded").isEqualTo(peer.nick().toLowerCase());
            assertThat(hello.message().kind()).isEqualTo(MessageKind.CHAT);

            peer.send("NOTICE " + nick(alice) + " :just so you know");
            ChatMessage notice = alice.events().await(MessageReceived.class,
                    e -> e.message().body().equals("just so you know"), TIMEOUT).message();
            assertThat(notice.kind()).isEqualTo(MessageKind.NOTICE);

            peer.send("PRIVMSG " + nick(alice) + " :\u0001ACTION waves\u0001");
            alice.events().await(MessageReceived.class, e -> e.message().body().equals("/me waves"), TIMEOUT);

            // Nothing but the text goes to another client: no id lines, no version probe.
            send(alice, peer.nick(), "/me nods");
            send(alice, peer.nick(), "plain reply");
            peer.await(l -> l.endsWith("PRIVMSG " + peer.nick() + " :\u0001ACTION nods\u0001"), TIMEOUT);
            peer.await(l -> l.endsWith("PRIVMSG " + peer.nick() + " :plain reply"), TIMEOUT);
            assertThat(peer.lines()).noneMatch(l -> l.contains("\u0001VERSION"));
        }
    }

    @Test
    void ctcpVersionAndPingAreAnsweredAndOtherCtcpIgnored() throws Exception {
        Client alice = user("alice", Map.of());
        try (RawIrcClient asker = RawIrcClient.connect(server, unique("asker"))) {
            asker.send("PRIVMSG " + nick(alice) + " :\u0001VERSION\u0001");
            asker.await(l -> l.contains("NOTICE " + asker.nick() + " :\u0001VERSION Switchboard"), TIMEOUT);
            asker.send("PRIVMSG " + nick(alice) + " :\u0001PING 1234567\u0001");
            asker.await(l -> l.endsWith("NOTICE " + asker.nick() + " :\u0001PING 1234567\u0001"), TIMEOUT);
            asker.send("PRIVMSG " + nick(alice) + " :\u0001DCC SEND evil.exe 2130706433 1 99\u0001");
            asker.send("PRIVMSG " + nick(alice) + " :\u0001FINGER\u0001");
            asker.send("PRIVMSG " + nick(alice) + " :still here");
            alice.events().await(MessageReceived.class, e -> e.message().body().equals("still here"), TIMEOUT);
            assertThat(alice.events().all(MessageReceived.class)).hasSize(1);
        }
    }

    @Test
    void serviceAndServerNoticesAreServerNotices() throws Exception {
        Client alice = user("alice", Map.of());
        try (RawIrcClient nickServ = RawIrcClient.connect(server, "NickServ")) {
            nickServ.send("NOTICE " + nick(alice) + " :This nickname is registered.");
            ServerNotice notice = alice.events().await(ServerNotice.class,
                    e -> e.text().equals("This nickname is registered."), TIMEOUT);
            assertThat(notice.from()).isEqualTo("NickServ");
            assertThat(alice.events().all(MessageReceived.class)).isEmpty();
        }
    }

    @Test
    void aLongChineseMessageIsSplitIntoWholeCharactersAndArrivesInOrder() throws Exception {
        Client alice = user("alice", Map.of(IrcSettings.FLOOD_PER_SECOND, "20"));
        Client bob = user("bob", Map.of());
        String body = "即時通訊讓世界更近，你好世界。".repeat(150);
        send(alice, nick(bob), body);

        List<MessageReceived> parts = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        while (joined.length() < body.length()) {
            int seen = parts.size();
            parts.add(bob.events().await(MessageReceived.class, e -> bob.events().all(MessageReceived.class).indexOf(e) == seen, TIMEOUT));
            joined.append(parts.getLast().message().body());
        }
        assertThat(joined.toString()).isEqualTo(body);
        assertThat(parts).hasSizeGreaterThan(5);
        assertThat(parts).extracting(p -> p.message().id().clientId()).doesNotHaveDuplicates();
        assertThat(parts).allSatisfy(p -> assertThat(p.message().body()).doesNotContain("\uFFFD"));

        try (RawIrcClient peer = RawIrcClient.connect(server, unique("peer"))) {
            send(alice, peer.nick(), body);
            String last = body.substring(body.length() - 20);
            peer.await(l -> l.endsWith(last), TIMEOUT);
            List<String> lines = peer.lines().stream().filter(l -> l.contains(" PRIVMSG ") && !l.contains("\u0001")).toList();
            assertThat(lines).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length + 2).isLessThanOrEqualTo(512));
            assertThat(lines.stream().map(l -> l.substring(l.indexOf(" :") + 2)).reduce("", String::concat)).isEqualTo(body);
        }
    }

    @Test
    void aBurstOfFiftyMessagesArrivesCompleteAndInOrder() throws Exception {
        Client alice = user("alice", Map.of(IrcSettings.FLOOD_BURST, "5", IrcSettings.FLOOD_PER_SECOND, "25"));
        Client bob = user("bob", Map.of());
        Messaging messaging = alice.need(Messaging.class);
        List<CompletableFuture<MessageId>> sent = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            sent.add(messaging.send(new OutgoingMessage(MessageId.newClientId(), alice.address(nick(bob)), "burst " + i)));
        }
        for (CompletableFuture<MessageId> future : sent) {
            join(future);
        }
        bob.events().await(MessageReceived.class, e -> e.message().body().equals("burst 50"), TIMEOUT);
        List<String> bodies = bob.events().all(MessageReceived.class).stream().map(e -> e.message().body()).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            expected.add("burst " + i);
        }
        assertThat(bodies).containsExactlyElementsOf(expected);
    }

    @Test
    void messagesToNobodyOrWithoutTextAreRefused() throws Exception {
        Client alice = user("alice", Map.of());
        assertThatThrownBy(() -> send(alice, unique("nobody"), "are you there?"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProtocolException.Reason.REJECTED);
                    assertThat(e.getMessage()).contains("not on the network");
                });
        assertThatThrownBy(() -> send(alice, "bad nick", "hi"))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.INVALID_INPUT));
        assertThatThrownBy(() -> send(alice, "someone", "\n\n"))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.INVALID_INPUT));
        assertThat(alice.need(Messaging.class).maxBodyBytes()).isGreaterThan(10_000);
    }
}
