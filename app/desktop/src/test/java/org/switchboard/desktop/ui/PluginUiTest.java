package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.plugins.PluginInfo;
import org.switchboard.core.plugins.PluginState;
import org.switchboard.core.testing.TestPlugins;
import org.switchboard.sample.linechat.LineChatServer;

/**
 * A power user's plugin, end to end and headless: the sample plugin jar (built by Maven, not on
 * the app's class path) is dropped into a new profile's plugins folder beside two broken plugins;
 * the app lists all three, adds a line-chat account through the account dialog, and chats with
 * a raw-socket peer through "Start conversation".
 */
class PluginUiTest extends AppUiTest {

    private LineChatServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = LineChatServer.start();
        server.addUser("alice", "alice-secret");
        server.addUser("bob", "bob-secret");
    }

    @AfterEach
    void stopAppAndServer() throws Exception {
        stop();
        server.close();
    }

    private static Path samplePlugin() {
        Path jar = Path.of(System.getProperty("switchboard.sample-plugin", "missing"));
        assertThat(jar).as("the sample plugin jar that Maven copies for this test").isRegularFile();
        return jar;
    }

    private Path plugins() {
        return profile.resolve("plugins");
    }

    private void startApp() throws Exception {
        launch("--demo", "off", "--language", "en");
        until(10, () -> robot.lookup("#mainWindow").tryQuery().isPresent());
    }

    private void openAppMenu(String item) {
        robot.clickOn(robot.lookup(".menu-bar .menu").nth(0).queryAs(Node.class));
        until(5, () -> robot.lookup(item).tryQuery().isPresent());
        robot.clickOn(item);
    }

    private void openPluginsPage() {
        openAppMenu("#menuPlugins");
        until(10, () -> robot.lookup("#pluginsDialog").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private List<PluginInfo> listed() {
        return onFx(() -> List.copyOf(robot.lookup("#pluginList").queryAs(ListView.class).getItems()));
    }

    private boolean errorShown(String text) {
        return robot.lookup("#pluginList .plugin-error").match((Label l) -> l.isVisible() && l.getText().contains(text))
                .tryQuery().isPresent();
    }

    @SuppressWarnings("unchecked")
    private boolean chatShows(String body) {
        TabPane tabs = robot.lookup("#conversations").queryAs(TabPane.class);
        ListView<org.switchboard.desktop.chat.ChatLine> messages = (ListView<org.switchboard.desktop.chat.ChatLine>) tabs.getSelectionModel().getSelectedItem()
                .getContent().lookup("#messages");
        return messages.getItems().stream().anyMatch(m -> m.body().equals(body));
    }

    @Test
    void aDroppedInPluginGivesANetworkToChatOnWhileBrokenOnesAreReported() throws Exception {
        Files.createDirectories(plugins());
        Files.copy(samplePlugin(), plugins().resolve("linechat-plugin.jar"));
        TestPlugins.throwingConstructor(plugins().resolve("broken.jar"));
        TestPlugins.wrongSpiVersion(plugins().resolve("future.jar"));
        startApp();

        openPluginsPage();
        until(20, () -> listed().size() == 3);
        assertThat(listed()).extracting(PluginInfo::id, PluginInfo::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("broken.jar", PluginState.FAILED),
                org.assertj.core.groups.Tuple.tuple("future.jar", PluginState.FAILED),
                org.assertj.core.groups.Tuple.tuple("linechat-plugin.jar", PluginState.LOADED));
        assertThat(listed().get(2).protocols()).containsExactly("linechat");
        assertThat(listed().get(2).name()).isEqualTo("Line chat");
        until(5, () -> errorShown("the constructor refuses to work"));
        until(5, () -> errorShown("Built for plugin API 2.0, but this Switchboard has plugin API 1.0"));
        clickButton("#pluginsDialog", "Close");

        openAppMenu("#menuAccounts");
        until(10, () -> robot.lookup("#accountManager").tryQuery().isPresent());
        robot.clickOn("#addAccount");
        robot.clickOn("#add-linechat");
        until(10, () -> robot.lookup("#accountDialog").tryQuery().isPresent());
        replaceText("#account-host", "127.0.0.1");
        replaceText("#account-port", Integer.toString(server.port()));
        robot.clickOn("#account-username").write("alice");
        robot.clickOn("#account-password").write("alice-secret");
        clickButton("#accountDialog", "OK");
        until(10, () -> robot.lookup("#accountDialog").tryQuery().isEmpty());
        clickButton("#accountManager", "Close");
        until(30, () -> robot.lookup("#statusBar").queryAs(HBox.class).getChildrenUnmodifiable().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().endsWith("Connected")));

        try (LineChatPeer bob = new LineChatPeer(server.port(), "bob", "bob-secret")) {
            robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
            until(10, () -> robot.lookup("#startConversationDialog").tryQuery().isPresent());
            robot.clickOn("#startConversationAddress").write("bob");
            clickButton("#startConversationDialog", "OK");
            until(10, () -> robot.lookup("#messageInput").tryQuery().isPresent());

            robot.clickOn("#messageInput").write("Hello bob");
            robot.type(KeyCode.ENTER);
            String received = bob.readLine();
            assertThat(received).startsWith("FROM alice ").endsWith(" Hello bob");

            bob.send("MSG alice reply-1 Hi alice, 你好\\nsecond line");
            assertThat(bob.readLine()).isEqualTo("ACK reply-1");
            until(30, () -> chatShows("Hi alice, 你好\nsecond line"));
            assertThat(onFx(() -> chatShows("Hello bob"))).isTrue();
        }
    }

    @Test
    void reloadPicksUpACopiedJarAndThePageDisablesAndRemovesIt() throws Exception {
        startApp();
        openPluginsPage();
        assertThat(listed()).isEmpty();

        Files.createDirectories(plugins());
        Files.copy(samplePlugin(), plugins().resolve("linechat-plugin.jar"));
        robot.clickOn("#reloadPlugins");
        until(20, () -> listed().size() == 1 && listed().getFirst().state() == PluginState.LOADED);
        clickButton("#pluginsDialog", "Close");

        openAppMenu("#menuAccounts");
        until(10, () -> robot.lookup("#accountManager").tryQuery().isPresent());
        robot.clickOn("#addAccount");
        until(5, () -> robot.lookup("#add-linechat").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        clickButton("#accountManager", "Close");

        openPluginsPage();
        robot.clickOn(robot.lookup("#pluginList .plugin-title").queryAs(Node.class));
        robot.clickOn("#togglePlugin");
        until(20, () -> listed().size() == 1 && listed().getFirst().state() == PluginState.DISABLED);
        robot.clickOn(robot.lookup("#pluginList .plugin-title").queryAs(Node.class));
        robot.clickOn("#removePlugin");
        until(20, () -> listed().isEmpty());
        assertThat(plugins().resolve("linechat-plugin.jar")).doesNotExist();
        clickButton("#pluginsDialog", "Close");
    }
}
