package org.switchboard.desktop.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.CoreOptions;
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.account.Account;
import org.switchboard.core.command.CommandResult;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.MessageAdded;
import org.switchboard.core.profile.Profile;
import org.switchboard.core.testing.IrcAccounts;
import org.switchboard.core.testing.TestCore;
import org.switchboard.desktop.chat.ChatLine;
import org.switchboard.desktop.chat.ChatViewModel;
import org.switchboard.desktop.main.MainViewModel;
import org.switchboard.desktop.ui.UiThread;
import org.switchboard.irc.testing.NgircdServer;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomOccupant;
import org.switchboard.protocol.spi.ConnectionState;

/**
 * The room view models without JavaFX, over a real core with an IRC account on a real ngircd:
 * joining through the join dialog's model (and its errors), the member list and activity lines
 * as a second user comes and goes, messages with senders, the topic, commands' feedback, and the
 * Rooms section of the list with its unread count.
 */
class RoomViewModelsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static NgircdServer irc;

    @TempDir
    Path dir;

    private SwitchboardCore core;
    private UiThread ui;
    private MainViewModel main;
    private Account account;
    private TestCore other;
    private Account otherAccount;
    private String nick;
    private String otherNick;
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
    void start() throws Exception {
        int n = COUNTER.incrementAndGet();
        nick = "vm" + n;
        otherNick = "peer" + n;
        channel = "#vm" + n;
        core = SwitchboardCore.open(CoreOptions.of(Profile.inFolder(dir.resolve("me")), DemoMode.OFF));
        ui = new UiThread();
        main = ui.call(() -> new MainViewModel(core, ui.bridge()));
        core.subscribe(ui.bridge());
        core.start().get();
        account = core.accounts().add("irc", nick, IrcAccounts.values(irc, nick)).join();
        await().atMost(WAIT).until(() -> core.accounts().status(account.id()).state() == ConnectionState.CONNECTED);
        other = TestCore.open(dir.resolve("other"), DemoMode.OFF);
        otherAccount = IrcAccounts.addConnected(other, irc, otherNick);
    }

    @AfterEach
    void stop() throws Exception {
        ui.run(() -> {
            try {
                main.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        core.close();
        ui.close();
        other.close();
    }

    private ChatViewModel joinThroughTheDialog() {
        JoinRoomViewModel join = ui.call(() -> new JoinRoomViewModel(core.rooms(), ui.bridge(), main.accounts()));
        assertThat(ui.call(join::accounts)).containsExactly(account);
        RoomAddress room = ui.call(() -> {
            join.room().set(channel);
            return join.join();
        }).join();
        assertThat(room).isNotNull();
        return ui.call(() -> main.openRoom(room));
    }

    @Test
    void aRoomTabFollowsMembersMessagesActivityAndTopic() {
        ChatViewModel chat = joinThroughTheDialog();
        RoomViewModel room = chat.room().orElseThrow();
        await().atMost(WAIT).until(() -> ui.call(() -> room.joined().get()
                && room.members().stream().anyMatch(m -> m.nick().equals(nick))));
        assertThat(ui.call(() -> main.roster().visibleRooms().stream().map(r -> r.room().address().name()).toList()))
                .containsExactly(channel);

        RoomAddress otherRoom = other.core().rooms().join(otherAccount.id(), channel, null, null).join();
        await().atMost(WAIT).until(() -> ui.call(() -> room.members().stream().map(RoomOccupant::nick).toList()
                .equals(java.util.List.of(nick, otherNick))));
        await().atMost(WAIT).until(() -> ui.call(() -> chat.lines().stream().anyMatch(l ->
                l instanceof ChatLine.Activity a && a.line().activity() instanceof RoomActivity.Joined j
                        && j.occupant().nick().equals(otherNick))));

        other.core().rooms().send(otherRoom, "hello view model").join();
        await().atMost(WAIT).until(() -> ui.call(() -> chat.lines().stream().anyMatch(l -> l.message() != null
                && l.message().body().equals("hello view model") && otherNick.equals(l.message().sender()))));

        ui.run(() -> {
            chat.input().set("/me waves back");
            chat.send();
        });
        MessageAdded action = other.events().await(MessageAdded.class, e -> e.message().body().equals("/me waves back"));
        assertThat(action.message().sender()).isEqualTo(nick);

        ui.run(() -> room.setTopic("Rooms work"));
        await().atMost(WAIT).until(() -> ui.call(() -> room.topic().get().equals("Rooms work")));
        await().atMost(WAIT).until(() -> ui.call(() -> chat.lines().stream().anyMatch(l ->
                l instanceof ChatLine.Activity a && a.line().activity() instanceof RoomActivity.TopicChanged)));

        ui.run(() -> {
            chat.input().set("/frobnicate");
            chat.send();
        });
        await().atMost(WAIT).until(() -> ui.call(() -> chat.feedback().get() != null));
        assertThat(ui.call(() -> chat.feedback().get()))
                .isEqualTo(CommandResult.of(CommandResult.Outcome.UNKNOWN_COMMAND, "frobnicate"));

        other.core().rooms().leave(otherRoom, "").join();
        await().atMost(WAIT).until(() -> ui.call(() -> room.members().stream().map(RoomOccupant::nick).toList()
                .equals(java.util.List.of(nick))));
    }

    @Test
    void unreadCountsInTheRoomsSectionRiseAndClearWhenTheTabIsLookedAt() {
        ChatViewModel chat = joinThroughTheDialog();
        ui.run(() -> main.selectedChat().set(null));
        RoomAddress otherRoom = other.core().rooms().join(otherAccount.id(), channel, null, null).join();
        other.core().rooms().send(otherRoom, "are you there?").join();

        await().atMost(WAIT).until(() -> ui.call(() -> main.roster().visibleRooms().stream()
                .anyMatch(r -> r.room().address().name().equals(channel) && r.unread() == 1)));

        ui.run(() -> main.selectedChat().set(chat));
        await().atMost(WAIT).until(() -> ui.call(() -> main.roster().visibleRooms().stream()
                .anyMatch(r -> r.room().address().name().equals(channel) && r.unread() == 0)));
    }

    @Test
    void theJoinDialogShowsWhyAJoinFailedAndLeavingForgetsTheRoom() {
        JoinRoomViewModel join = ui.call(() -> new JoinRoomViewModel(core.rooms(), ui.bridge(), main.accounts()));
        RoomAddress refused = ui.call(() -> {
            join.room().set("#two,rooms");
            join.password().set("kept");
            return join.join();
        }).join();
        // No channel has a comma in its name: the dialog says why and keeps what was typed.
        assertThat(refused).isNull();
        assertThat(ui.call(() -> join.error().get())).contains("#two,rooms");
        assertThat(ui.call(() -> join.room().get() + " " + join.password().get())).isEqualTo("#two,rooms kept");
        assertThat(core.rooms().rooms()).isEmpty();

        ChatViewModel chat = joinThroughTheDialog();
        ui.run(() -> main.leaveRoom(chat));
        await().atMost(WAIT).until(() -> core.rooms().rooms().isEmpty());
        await().atMost(WAIT).until(() -> ui.call(() -> main.roster().visibleRooms().isEmpty() && main.chats().isEmpty()));
        assertThat(core.conversations().unread(new ConversationId(chat.conversation().room()))).isZero();
    }
}
