package org.switchboard.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.xmpp.XmppTestClients.TIMEOUT;
import static org.switchboard.xmpp.XmppTestClients.join;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.protocol.event.ProtocolEvent.BlockListChanged;
import org.switchboard.protocol.event.ProtocolEvent.ContactAdded;
import org.switchboard.protocol.event.ProtocolEvent.ContactRemoved;
import org.switchboard.protocol.event.ProtocolEvent.MessageCorrected;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.RosterReceived;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.spi.capability.Blocking;
import org.switchboard.protocol.spi.capability.Corrections;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Roster;
import org.switchboard.protocol.spi.capability.ServerArchive;
import org.switchboard.xmpp.XmppTestClients.Client;
import org.switchboard.xmpp.testing.ProsodyServer;

/** One-to-one features beyond the contract, against a real Prosody. */
class XmppChatFeaturesTest {

    private static ProsodyServer server;
    private XmppTestClients clients;

    @BeforeAll
    static void start() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void open() {
        clients = new XmppTestClients(server);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    private static MessageId send(Client from, Client to, String body) throws Exception {
        return join(from.need(Messaging.class).send(new OutgoingMessage(MessageId.newClientId(), from.address(to), body)));
    }

    @Test
    void rosterKeepsGroupsRenamesRegroupsAndRemoves() throws Exception {
        Client alice = clients.connected("roster");
        Client bob = clients.connected("roster");
        Roster roster = alice.need(Roster.class);

        join(roster.add(alice.address(bob), "Bob", Set.of("Friends", "Work")));
        alice.events().await(ContactAdded.class, e -> e.entry().address().equals(alice.address(bob))
                && e.entry().groups().equals(Set.of("Friends", "Work")) && e.entry().displayName().equals("Bob"), TIMEOUT);

        join(roster.update(alice.address(bob), "Robert 鲍勃", Set.of("Family")));
        alice.events().await(ContactAdded.class, e -> e.entry().address().equals(alice.address(bob))
                && e.entry().groups().equals(Set.of("Family")) && e.entry().displayName().equals("Robert 鲍勃"), TIMEOUT);

        // A new login reports the list as the server keeps it.
        join(alice.session().disconnect());
        join(alice.session().connect());
        RosterReceived again = alice.events().await(RosterReceived.class,
                e -> e.entries().stream().anyMatch(r -> r.displayName().equals("Robert 鲍勃")), TIMEOUT);
        assertThat(again.entries()).anyMatch(r -> r.groups().equals(Set.of("Family")));

        join(roster.remove(alice.address(bob)));
        alice.events().await(ContactRemoved.class, e -> e.contact().equals(alice.address(bob)), TIMEOUT);
        assertThat(roster.entries()).noneMatch(r -> r.address().equals(alice.address(bob)));
    }

    @Test
    void aMessageTooLargeForTheServerIsRefusedBeforeSending() throws Exception {
        Client alice = clients.connected("huge");
        Client bob = clients.connected("huge");
        String huge = "界".repeat(30_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send(alice, bob, huge))
                .isInstanceOfSatisfying(org.switchboard.protocol.spi.ProtocolException.class, e -> assertThat(e.reason())
                        .isEqualTo(org.switchboard.protocol.spi.ProtocolException.Reason.INVALID_INPUT));
        send(alice, bob, "still connected");
        bob.events().await(MessageReceived.class, e -> e.message().body().equals("still connected"), TIMEOUT);
    }

    @Test
    void correctionsTravelBothWays() throws Exception {
        Client alice = clients.connected("fix");
        Client bob = clients.connected("fix");
        MessageId first = send(alice, bob, "helo");
        bob.events().await(MessageReceived.class, e -> e.message().body().equals("helo"), TIMEOUT);

        join(alice.need(Corrections.class).correct(alice.address(bob), first, MessageId.newClientId(), "hello"));
        MessageCorrected atBob = bob.events().await(MessageCorrected.class, e -> e.newBody().equals("hello"), TIMEOUT);
        assertThat(atBob.original().clientId()).isEqualTo(first.clientId());
        assertThat(atBob.peer()).isEqualTo(bob.address(alice));

        MessageId reply = send(bob, alice, "wrold");
        alice.events().await(MessageReceived.class, e -> e.message().body().equals("wrold"), TIMEOUT);
        join(bob.need(Corrections.class).correct(bob.address(alice), reply, MessageId.newClientId(), "world"));
        MessageCorrected atAlice = alice.events().await(MessageCorrected.class, e -> e.newBody().equals("world"), TIMEOUT);
        assertThat(atAlice.original().clientId()).isEqualTo(reply.clientId());
        assertThat(bob.events().all(MessageReceived.class)).noneMatch(e -> e.message().body().equals("hello"));
    }

    @Test
    void carbonsShowWhatTheUsersOtherClientSentAndReceived() throws Exception {
        Client alice = clients.connected("carbon");
        Client bob = clients.connected("carbon");
        XMPPTCPConnection alicePhone = clients.bareSmack(alice.config(), "phone");
        CarbonManager.getInstanceFor(alicePhone).enableCarbons();

        // Sent from Alice's phone: Switchboard shows it as Alice's own message to Bob.
        alicePhone.sendStanza(StanzaBuilder.buildMessage("phone-1").to(JidCreate.entityBareFrom(bob.jid()))
                .ofType(Message.Type.chat).setBody("from my phone").build());
        MessageReceived sent = alice.events().await(MessageReceived.class,
                e -> e.message().body().equals("from my phone"), TIMEOUT);
        assertThat(sent.message().direction()).isEqualTo(Direction.OUTGOING);
        assertThat(sent.message().peer()).isEqualTo(alice.address(bob));
        assertThat(sent.message().id().clientId()).isEqualTo("phone-1");

        // Bob writes to Alice's phone alone: Switchboard still sees it, as incoming.
        bob.session().live().sendStanza(StanzaBuilder.buildMessage("to-phone").to(alicePhone.getUser())
                .ofType(Message.Type.chat).setBody("for your phone").build());
        MessageReceived copy = alice.events().await(MessageReceived.class,
                e -> e.message().body().equals("for your phone"), TIMEOUT);
        assertThat(copy.message().direction()).isEqualTo(Direction.INCOMING);
        assertThat(copy.message().peer()).isEqualTo(alice.address(bob));
    }

    @Test
    void theArchiveFillsTheGapOnceAndInOrder() throws Exception {
        Client alice = clients.connected("mam");
        Client bob = clients.connected("mam");
        send(bob, alice, "before");
        MessageReceived live = alice.events().await(MessageReceived.class, e -> e.message().body().equals("before"), TIMEOUT);
        Instant offlineSince = Instant.now();
        join(alice.session().disconnect());

        for (int i = 0; i < 60; i++) {
            send(bob, alice, "gap " + i);
        }
        join(alice.session().connect());
        int byTime = join(alice.need(ServerArchive.class).fetchSince(null, offlineSince.minusSeconds(60)));
        int count = join(alice.need(ServerArchive.class).fetchSince(archiveIdOf(alice, "before"), null));

        assertThat(byTime).isEqualTo(61);
        assertThat(count).isEqualTo(60);
        List<String> archived = alice.events().all(MessageReceived.class).stream()
                .filter(e -> e.message().body().startsWith("gap ") && e.message().id().networkId() != null)
                .map(e -> e.message().body()).toList();
        // Fetched twice (by time, then after an id): each fetch reported the 60 once, in order.
        List<String> expected = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "gap " + i).toList();
        assertThat(archived.subList(archived.size() - 60, archived.size())).isEqualTo(expected);
        assertThat(live.message().id().networkId()).isNotNull();
    }

    private static String archiveIdOf(Client client, String body) {
        return client.events().all(MessageReceived.class).stream().filter(e -> e.message().body().equals(body))
                .map(e -> e.message().id().networkId()).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    }

    @Test
    void aContactsNewAvatarIsFetchedAndReported() throws Exception {
        Client alice = clients.connected("avatar");
        Client bob = clients.connected("avatar");
        XmppTestClients.befriend(alice, bob);
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        XMPPTCPConnection bobLink = bob.session().live();
        org.jivesoftware.smackx.vcardtemp.packet.VCard card = new org.jivesoftware.smackx.vcardtemp.packet.VCard();
        card.setAvatar(png, "image/png");
        org.jivesoftware.smackx.vcardtemp.VCardManager.getInstanceFor(bobLink).saveVCard(card);
        bobLink.sendStanza(org.jivesoftware.smack.packet.PresenceBuilder.buildPresence()
                .ofType(org.jivesoftware.smack.packet.Presence.Type.available)
                .addExtension(org.jivesoftware.smack.packet.StandardExtensionElement.builder("x", "vcard-temp:x:update")
                        .addElement("photo", card.getAvatarHash()).build()).build());

        org.switchboard.protocol.event.ProtocolEvent.AvatarChanged changed = alice.events().await(
                org.switchboard.protocol.event.ProtocolEvent.AvatarChanged.class,
                e -> e.contact().equals(alice.address(bob)) && e.image().length > 0, TIMEOUT);
        assertThat(changed.image()).isEqualTo(png);
        assertThat(alice.need(org.switchboard.protocol.spi.capability.Avatars.class).of(alice.address(bob))).hasValue(png);
    }

    @Test
    void aBlockedContactsMessagesDoNotArrive() throws Exception {
        Client alice = clients.connected("block");
        Client bob = clients.connected("block");
        Blocking blocking = alice.need(Blocking.class);

        join(blocking.block(alice.address(bob)));
        alice.events().await(BlockListChanged.class, e -> e.blocked().contains(alice.address(bob)), TIMEOUT);
        assertThat(blocking.blocked()).contains(alice.address(bob));
        send(bob, alice, "can you hear me");

        join(blocking.unblock(alice.address(bob)));
        alice.events().await(BlockListChanged.class, e -> !e.blocked().contains(alice.address(bob)), TIMEOUT);
        send(bob, alice, "and now");
        alice.events().await(MessageReceived.class, e -> e.message().body().equals("and now"), TIMEOUT);
        assertThat(alice.events().all(MessageReceived.class)).noneMatch(e -> e.message().body().equals("can you hear me"));
    }
}
