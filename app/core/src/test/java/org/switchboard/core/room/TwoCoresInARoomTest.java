package org.switchboard.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.command.CommandResult;
import org.switchboard.core.command.CommandResult.Outcome;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.MessageAdded;
import org.switchboard.core.event.CoreEvent.MessageUpdated;
import org.switchboard.core.event.CoreEvent.RoomActivityAdded;
import org.switchboard.core.event.CoreEvent.RoomInvited;
import org.switchboard.core.event.CoreEvent.RoomMembersChanged;
import org.switchboard.core.event.CoreEvent.RoomsChanged;
import org.switchboard.core.event.CoreEvent.UnreadChanged;
import org.switchboard.core.testing.IrcAccounts;
import org.switchboard.core.testing.TestCore;
import org.switchboard.irc.testing.NgircdServer;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomOccupant;
import org.switchboard.protocol.model.RoomRole;

/**
 * Two cores, each with an IRC account, in the same channel of a real ngircd: messages both ways
 * (each stored once, with its sender), the member list and activity lines, the topic, the input
 * commands end to end.
 */
class TwoCoresInARoomTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static NgircdServer irc;

    @TempDir
    Path dir;

    private TestCore ann;
    private TestCore ben;
    private Account annAccount;
    private Account benAccount;
    private String annNick;
    private String benNick;
    private String channel;

    @BeforeAll
    static void startServer() throws Exception {
        irc = NgircdServer.start();
    }

    @AfterAll
    static void stopServer() {
        irc.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        int n = COUNTER.incrementAndGet();
        annNick = "ann" + n;
        benNick = "ben" + n;
        channel = "#room" + n;
        ann = TestCore.open(dir.resolve("ann"), DemoMode.OFF);
        ben = TestCore.open(dir.resolve("ben"), DemoMode.OFF);
        annAccount = IrcAccounts.addConnected(ann, irc, annNick);
        benAccount = IrcAccounts.addConnected(ben, irc, benNick);
    }

    @AfterEach
    void tearDown() {
        ann.close();
        ben.close();
    }

    @Test
    void twoPeopleTalkInAChannelAndEachMessageIsStoredOnceWithItsSender() {
        RoomAddress annRoom = ann.core().rooms().join(annAccount.id(), channel, null, null).join();
        RoomAddress benRoom = ben.core().rooms().join(benAccount.id(), channel, null, null).join();
        ConversationId annChat = new ConversationId(annRoom);
        ConversationId benChat = new ConversationId(benRoom);

        ann.events().await(RoomMembersChanged.class, e -> e.room().equals(annRoom)
                && e.members().stream().anyMatch(m -> m.nick().equals(benNick)));
        ann.events().await(RoomActivityAdded.class, e -> e.line().activity() instanceof RoomActivity.Joined j
                && j.occupant().nick().equals(benNick));
        // The channel's creator is its operator: listed first, with the operator's role.
        assertThat(ann.core().rooms().members(annRoom)).extracting(RoomOccupant::nick).containsExactly(annNick, benNick);
        assertThat(ann.core().rooms().members(annRoom).getFirst().role()).isEqualTo(RoomRole.MODERATOR);
        assertThat(ann.core().rooms().joined(annAccount.id())).singleElement()
                .satisfies(r -> assertThat(r.ownNick()).isEqualTo(annNick));

        StoredMessage sent = ann.core().rooms().send(annRoom, "hello from ann").join();
        assertThat(sent.status()).isEqualTo(MessageStatus.QUEUED);
        MessageAdded arrived = ben.events().await(MessageAdded.class, e -> e.message().body().equals("hello from ann"));
        assertThat(arrived.message().conversation()).isEqualTo(benChat);
        assertThat(arrived.message().sender()).isEqualTo(annNick);
        assertThat(arrived.message().direction()).isEqualTo(Direction.INCOMING);
        ben.events().await(UnreadChanged.class, e -> e.conversation().equals(benChat) && e.unread() == 1);
        ann.events().await(MessageUpdated.class, e -> e.message().seq() == sent.seq()
                && e.message().status() == MessageStatus.SENT);

        assertThat(ben.core().commands().submit(benChat, "/me waves").join().outcome()).isEqualTo(Outcome.SENT);
        MessageAdded action = ann.events().await(MessageAdded.class, e -> e.message().body().equals("/me waves"));
        assertThat(action.message().sender()).isEqualTo(benNick);
        assertThat(action.message().isAction()).isTrue();

        assertThat(ann.core().conversations().recent(annChat, 10).join())
                .extracting(StoredMessage::sender, StoredMessage::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(annNick, "hello from ann"),
                        org.assertj.core.groups.Tuple.tuple(benNick, "/me waves"));
        assertThat(ben.core().conversations().recent(benChat, 10).join()).hasSize(2);
    }

    @Test
    void topicNickPartAndPrivateMessagesThroughCommands() {
        RoomAddress annRoom = ann.core().rooms().join(annAccount.id(), channel, null, null).join();
        ConversationId annChat = new ConversationId(annRoom);
        CommandResult joined = ben.core().commands().submit(
                new ConversationId(new ContactAddress(benAccount.id(), annNick)), "/join " + channel).join();
        assertThat(joined.outcome()).isEqualTo(Outcome.JOINED);
        ConversationId benChat = joined.open().orElseThrow();
        assertThat(benChat.isRoom()).isTrue();
        ann.events().await(RoomMembersChanged.class, e -> e.members().stream().anyMatch(m -> m.nick().equals(benNick)));

        assertThat(ann.core().commands().submit(annChat, "/topic Release on Friday").join().outcome())
                .isEqualTo(Outcome.TOPIC_SET);
        ben.events().await(RoomsChanged.class, e -> e.rooms().stream()
                .anyMatch(r -> r.conversation().equals(benChat) && r.topic().equals("Release on Friday")));
        ben.events().await(RoomActivityAdded.class, e -> e.line().activity() instanceof RoomActivity.TopicChanged t
                && t.topic().equals("Release on Friday"));
        assertThat(ben.core().commands().submit(benChat, "/topic").join())
                .isEqualTo(CommandResult.of(Outcome.TOPIC, benChat.name(), "Release on Friday"));

        String newNick = "bn" + COUNTER.incrementAndGet();
        assertThat(ben.core().commands().submit(benChat, "/nick " + newNick).join().outcome())
                .isEqualTo(Outcome.NICK_CHANGED);
        ann.events().await(RoomActivityAdded.class, e -> e.line().activity() instanceof RoomActivity.NickChanged c
                && c.oldNick().equals(benNick) && c.newNick().equals(newNick));
        assertThat(ann.core().rooms().members(annRoom)).extracting(RoomOccupant::nick).contains(newNick)
                .doesNotContain(benNick);
        ben.events().await(RoomsChanged.class, e -> e.rooms().stream().anyMatch(r -> r.ownNick().equals(newNick)));

        CommandResult unknown = ben.core().commands().submit(benChat, "/frobnicate now").join();
        assertThat(unknown).isEqualTo(CommandResult.of(Outcome.UNKNOWN_COMMAND, "frobnicate"));

        CommandResult opened = ben.core().commands().submit(benChat, "/msg " + annNick + " just between us").join();
        assertThat(opened.outcome()).isEqualTo(Outcome.OPENED);
        MessageAdded privately = ann.events().await(MessageAdded.class,
                e -> e.message().body().equals("just between us"));
        assertThat(privately.message().conversation().isRoom()).isFalse();
        assertThat(privately.message().conversation().name()).isEqualToIgnoringCase(newNick);

        assertThat(ben.core().commands().submit(benChat, "/part see you").join().outcome()).isEqualTo(Outcome.LEFT);
        ann.events().await(RoomActivityAdded.class, e -> e.line().activity() instanceof RoomActivity.Left l
                && l.nick().equals(newNick));
        assertThat(ann.core().rooms().members(annRoom)).extracting(RoomOccupant::nick).containsExactly(annNick);
        assertThat(ben.core().rooms().rooms()).isEmpty();
        // Nothing of the unknown command was sent or stored.
        assertThat(ann.core().conversations().recent(annChat, 10).join()).isEmpty();

        assertThat(ann.core().commands().submit(annChat, "/invite " + newNick + " come back").join())
                .isEqualTo(CommandResult.of(Outcome.INVITED, newNick, annChat.name()));
        RoomInvited invited = ben.events().await(RoomInvited.class, e -> e.invitation().room().equals(benChat.room()));
        assertThat(invited.invitation().from()).isEqualToIgnoringCase(annNick);
    }

    @Test
    void leavingARoomWhileOfflineFailsWhatWaitedForItWithoutHoldingUpTheOtherRooms() {
        RoomAddress left = ann.core().rooms().join(annAccount.id(), channel, null, null).join();
        RoomAddress kept = ann.core().rooms().join(annAccount.id(), channel + "b", null, null).join();
        RoomAddress benRoom = ben.core().rooms().join(benAccount.id(), channel + "b", null, null).join();
        ann.events().await(RoomMembersChanged.class, e -> e.room().equals(kept)
                && e.members().stream().anyMatch(m -> m.nick().equals(benNick)));
        ann.core().accounts().setEnabled(annAccount.id(), false).join();
        ann.awaitState(annAccount, org.switchboard.protocol.spi.ConnectionState.DISCONNECTED);

        // Written first, so first in the account's line of room messages.
        StoredMessage stranded = ann.core().rooms().send(left, "never mind").join();
        StoredMessage waiting = ann.core().rooms().send(kept, "still here").join();
        ann.core().rooms().leave(left, "").join();

        MessageUpdated failed = ann.events().await(MessageUpdated.class, e -> e.message().seq() == stranded.seq());
        assertThat(failed.message().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.message().failure()).isEqualTo(org.switchboard.core.conversation.MessageFailures.LEFT_ROOM);

        ann.core().accounts().setEnabled(annAccount.id(), true).join();
        ben.events().await(MessageAdded.class, e -> e.message().body().equals("still here")
                && e.message().conversation().equals(new ConversationId(benRoom)), Duration.ofSeconds(60));
        ann.events().await(MessageUpdated.class, e -> e.message().seq() == waiting.seq()
                && e.message().status() == MessageStatus.SENT);
        assertThat(ann.core().conversations().recent(new ConversationId(left), 10).join())
                .extracting(StoredMessage::status).containsExactly(MessageStatus.FAILED);
    }

    @Test
    void roomsAreJoinedAgainAfterTheServerRestartsAndAfterTheAppRestarts() throws Exception {
        RoomAddress annRoom = ann.core().rooms().join(annAccount.id(), channel, null, null).join();
        ann.events().clear();
        ben.events().clear();

        irc.restart();

        ann.events().await(RoomsChanged.class, e -> e.rooms().stream()
                .anyMatch(r -> r.address().equals(annRoom) && !r.joined()), Duration.ofSeconds(60));
        ann.events().await(RoomsChanged.class, e -> e.rooms().stream()
                .anyMatch(r -> r.address().equals(annRoom) && r.joined()), Duration.ofSeconds(90));
        ben.events().await(org.switchboard.core.event.CoreEvent.AccountStatusChanged.class,
                e -> e.status().account().equals(benAccount.id())
                        && e.status().state() == org.switchboard.protocol.spi.ConnectionState.CONNECTED,
                Duration.ofSeconds(90));

        ann.close();
        ann = TestCore.open(dir.resolve("ann"), DemoMode.OFF);
        assertThat(ann.core().rooms().rooms()).as("remembered before connecting")
                .extracting(Room::address).containsExactly(annRoom);
        ann.core().start().join();
        ann.events().await(RoomsChanged.class, e -> e.rooms().stream()
                .anyMatch(r -> r.address().equals(annRoom) && r.joined()), Duration.ofSeconds(60));

        // A message written now reaches the other side through the rejoined room.
        RoomAddress benRoom = ben.core().rooms().join(benAccount.id(), channel, null, null).join();
        ann.core().rooms().send(annRoom, "back again").join();
        ben.events().await(MessageAdded.class, e -> e.message().body().equals("back again")
                && e.message().conversation().equals(new ConversationId(benRoom)), Duration.ofSeconds(30));
    }
}
