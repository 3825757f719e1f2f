package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.core.CoreOptions;
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.account.Account;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.MessageAdded;
import org.switchboard.core.profile.Profile;
import org.switchboard.core.testing.IrcAccounts;
import org.switchboard.core.testing.TestCore;
import org.switchboard.desktop.chat.ChatLine;
import org.switchboard.irc.testing.NgircdServer;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomOccupant;

/**
 * The real window, headless, with an IRC account on a real ngircd: join a channel through the
 * Join room dialog (Ctrl+J), see the member list fill as someone else (a second core) joins, send
 * and receive, an action with /me, and an unknown command that sends nothing and says so.
 */
class RoomUiTest extends AppUiTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static NgircdServer irc;
    private TestCore other;

    @BeforeAll
    static void startServer() throws Exception {
        irc = NgircdServer.start();
    }

    @AfterAll
    static void stopServer() {
        irc.close();
    }

    @AfterEach
    void closeOther() {
        if (other != null) {
            other.close();
        }
    }

    @SuppressWarnings("unchecked")
    private ListView<RoomOccupant> members() {
        return (ListView<RoomOccupant>) onFx(() -> tabs().getSelectionModel().getSelectedItem().getContent()
                .lookup("#members"));
    }

    private boolean showsLine(String text) {
        return robot.lookup("#messages .label").match((Label l) -> text.equals(l.getText())).tryQuery().isPresent();
    }

    /** Starts the app with an IRC account for {@code nick}, added through the core as the account dialog would. */
    private void launchWithIrcAccount(String nick) throws Exception {
        try (SwitchboardCore setup = SwitchboardCore.open(CoreOptions.of(Profile.inFolder(profile), DemoMode.OFF))) {
            setup.accounts().add("irc", "IRC test", IrcAccounts.values(irc, nick)).join();
        }
        launch("--demo", "off", "--language", "en");
        until(30, () -> robot.lookup(".account-state").match((Label l) -> l.getText().endsWith("Connected"))
                .tryQuery().isPresent());
    }

    /** Ctrl+J, the room's name, Join: waits for the room's tab with the user in its member list. */
    private void joinThroughTheDialog(String channel, String nick) {
        robot.press(KeyCode.CONTROL).type(KeyCode.J).release(KeyCode.CONTROL);
        until(10, () -> robot.lookup("#joinRoomName").tryQuery().isPresent());
        robot.clickOn("#joinRoomName").write(channel);
        robot.clickOn("#joinRoomOk");
        until(30, () -> tabs().getTabs().stream().anyMatch(t -> t.getText().equals(channel)));
        until(10, () -> members().getItems().stream().anyMatch(m -> m.nick().equals(nick)));
    }

    private boolean listsRoom(String channel) {
        return robot.lookup("#rooms .room-name").match((Label l) -> channel.equals(l.getText()) && l.isVisible())
                .tryQuery().isPresent() && onFx(() -> robot.lookup("#rooms").query().getParent().isVisible());
    }

    @Test
    void closingARoomTabAsksWhetherToLeaveAndTheTabMenuLeaves() throws Exception {
        int n = COUNTER.incrementAndGet();
        String nick = "cl" + n;
        String channel = "#close" + n;
        launchWithIrcAccount(nick);
        joinThroughTheDialog(channel, nick);

        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        until(10, () -> robot.lookup("#leaveRoomDialog").tryQuery().isPresent());
        clickButton("#leaveRoomDialog", "Stay in the room");
        until(10, () -> tabs().getTabs().isEmpty());
        assertThat(listsRoom(channel)).as("still in the room").isTrue();

        robot.clickOn(robot.lookup("#rooms .room-name").match((Label l) -> channel.equals(l.getText())).queryLabeled());
        until(10, () -> tabs().getTabs().stream().anyMatch(t -> t.getText().equals(channel)));
        // The tab's context menu: its item, fired as a click on it does (headless glass opens no popup menus).
        onFx(() -> {
            var item = tabs().getSelectionModel().getSelectedItem().getContextMenu().getItems().getFirst();
            assertThat(item.getText()).isEqualTo("Leave room");
            item.fire();
            return null;
        });

        until(10, () -> tabs().getTabs().isEmpty());
        // The Rooms section hides when there is no room left.
        until(10, () -> !robot.lookup("#rooms").query().getParent().isVisible());

        // Someone invites the user back: the app asks, and joining opens the room again.
        other = TestCore.open(profile.resolve("other"), DemoMode.OFF);
        Account otherAccount = IrcAccounts.addConnected(other, irc, "inv" + n);
        RoomAddress otherRoom = other.core().rooms().join(otherAccount.id(), channel, null, null).join();
        other.core().rooms().invite(otherRoom, new org.switchboard.protocol.model.ContactAddress(otherAccount.id(),
                nick), "").join();
        until(30, () -> robot.lookup("#roomInvitationDialog").tryQuery().isPresent());
        clickButton("#roomInvitationDialog", "Join");
        until(30, () -> tabs().getTabs().stream().anyMatch(t -> t.getText().equals(channel)));
        until(10, () -> members().getItems().stream().anyMatch(m -> m.nick().equals("inv" + n)));
    }

    @Test
    void joinAChannelTalkWithSomeoneThereAndUseCommands() throws Exception {
        int n = COUNTER.incrementAndGet();
        String nick = "ui" + n;
        String otherNick = "pal" + n;
        String channel = "#ui" + n;
        launchWithIrcAccount(nick);
        joinThroughTheDialog(channel, nick);
        assertThat(onFx(() -> robot.lookup("#joinRoomDialog").tryQuery().isPresent())).isFalse();
        until(10, () -> robot.lookup("#rooms .room-name").match((Label l) -> channel.equals(l.getText()))
                .tryQuery().isPresent());

        other = TestCore.open(profile.resolve("other"), DemoMode.OFF);
        Account otherAccount = IrcAccounts.addConnected(other, irc, otherNick);
        RoomAddress otherRoom = other.core().rooms().join(otherAccount.id(), channel, null, null).join();
        until(30, () -> members().getItems().stream().map(RoomOccupant::nick).toList()
                .equals(java.util.List.of(nick, otherNick)));
        // The channel's creator is its operator: "@" before the nick, listed first.
        until(10, () -> robot.lookup("#members .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                ("@" + nick).equals(c.getText())).tryQuery().isPresent());
        until(10, () -> robot.lookup("#messages .activity-line")
                .match((Label l) -> l.getText().endsWith(otherNick + " joined")).tryQuery().isPresent());

        other.core().rooms().send(otherRoom, "welcome to the room").join();
        until(30, () -> messages().getItems().stream().anyMatch(l -> l.body().equals("welcome to the room")));
        until(10, () -> robot.lookup("#messages .message-sender").match((Label l) -> otherNick.equals(l.getText()))
                .tryQuery().isPresent());

        robot.clickOn("#messageInput").write("thanks, glad to be here");
        robot.type(KeyCode.ENTER);
        other.events().await(MessageAdded.class, e -> e.message().body().equals("thanks, glad to be here")
                && nick.equals(e.message().sender()));

        robot.clickOn("#messageInput").write("/me waves");
        robot.type(KeyCode.ENTER);
        until(30, () -> showsLine("* " + nick + " waves"));
        other.events().await(MessageAdded.class, e -> e.message().body().equals("/me waves"));

        robot.clickOn("#messageInput").write("/frobnicate now");
        robot.type(KeyCode.ENTER);
        until(10, () -> robot.lookup("#commandFeedback").queryLabeled().getText().contains("Unknown command /frobnicate"));
        int before = onFx(() -> messages().getItems().size());
        assertThat(onFx(() -> messages().getItems().stream().map(ChatLine::body)
                .anyMatch(b -> b.contains("frobnicate")))).isFalse();
        // A last message shows the link is live; nothing of the unknown command reached the other side.
        robot.clickOn("#messageInput").write("done");
        robot.type(KeyCode.ENTER);
        other.events().await(MessageAdded.class, e -> e.message().body().equals("done"));
        assertThat(other.events().events(MessageAdded.class)).noneMatch(e -> e.message().body().contains("frobnicate"));
        assertThat(onFx(() -> messages().getItems().size())).isGreaterThan(before);

        // Double-clicking a member opens a private conversation with them, on the same account.
        javafx.scene.Node member = robot.lookup("#members .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                otherNick.equals(c.getText())).query();
        robot.doubleClickOn(member, javafx.scene.input.MouseButton.PRIMARY);
        until(10, () -> tabs().getSelectionModel().getSelectedItem().getText().equals(otherNick));
        robot.clickOn("#messageInput").write("a word in private");
        robot.type(KeyCode.ENTER);
        MessageAdded privately = other.events().await(MessageAdded.class,
                e -> e.message().body().equals("a word in private"));
        assertThat(privately.message().conversation().isRoom()).isFalse();
    }
}
