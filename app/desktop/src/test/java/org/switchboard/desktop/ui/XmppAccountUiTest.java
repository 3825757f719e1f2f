package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import java.time.Duration;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.testing.XmppAccounts;
import org.switchboard.core.testing.XmppAccounts.Bare;
import org.switchboard.protocol.event.ProtocolEvent.ContactAdded;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.SubscriptionRequested;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.model.Subscription;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Roster;
import org.switchboard.protocol.tls.Certificates;
import org.switchboard.xmpp.XmppProvider;
import org.switchboard.xmpp.testing.ProsodyServer;

/**
 * A user adds an XMPP account through the dialog (address, password, host and port of a real
 * Prosody); the server's certificate is unknown, so the app shows it with its SHA-256
 * fingerprint; once trusted the account signs in and the user chats with another XMPP client
 * both ways, corrects the last message from the keyboard, and manages the contact from the
 * list's menu (rename, groups, block, remove) while the contact's picture appears.
 */
class XmppAccountUiTest extends AppUiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final java.util.concurrent.atomic.AtomicInteger USERS = new java.util.concurrent.atomic.AtomicInteger();
    private static ProsodyServer server;

    private AccountConfig annConfig;
    private Bare ben;

    @BeforeAll
    static void startServer() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void friendsOnTheServer() throws Exception {
        int n = USERS.incrementAndGet();
        annConfig = server.newAccount("uiann" + n);
        ben = Bare.connect(server, "uiben" + n);
        // Ann's list holds Ben before the app first signs in, as it would after years of use.
        try (Bare annElsewhere = Bare.open(annConfig)) {
            befriend(annElsewhere, ben);
        }
        launch("--demo", "off", "--language", "en");
    }

    @AfterEach
    void stopAppAndPeer() throws Exception {
        stop();
        ben.close();
    }

    @Test
    void addAnXmppAccountTrustItsServerAndChatBothWays() throws Exception {
        signInThroughTheDialog();

        openChatWith("Ben");
        robot.clickOn("#messageInput").write("Hi Ben, 你好");
        robot.type(KeyCode.ENTER);
        MessageReceived received = ben.events().await(MessageReceived.class,
                e -> e.message().body().equals("Hi Ben, 你好"), WAIT);
        assertThat(received.message().peer().handle()).isEqualTo(annConfig.settings().get(XmppProvider.JID));

        XmppAccounts.join(ben.session().capability(Messaging.class).orElseThrow().send(new OutgoingMessage(
                MessageId.newClientId(), new ContactAddress(ben.config().id(), annConfig.settings().get(XmppProvider.JID)),
                "Hello Ann 👋")));
        until(30, () -> shows("Hello Ann 👋"));
        assertThat(shows("Hi Ben, 你好")).isTrue();
    }

    @Test
    void manageTheContactSeeTheirPictureAndCorrectTheLastMessage() throws Exception {
        signInThroughTheDialog();
        openChatWith("Ben");

        // Up in the empty input takes the last message to edit; Escape gives up; Enter corrects.
        robot.clickOn("#messageInput").write("see you at 5");
        robot.type(KeyCode.ENTER);
        ben.events().await(MessageReceived.class, e -> e.message().body().equals("see you at 5"), WAIT);
        until(10, () -> onFx(() -> messages().getItems().stream().anyMatch(l -> l.message() != null
                && l.message().status() != org.switchboard.protocol.model.MessageStatus.QUEUED)));
        robot.type(KeyCode.UP);
        until(5, () -> onFx(() -> robot.lookup("#editingMarker").query().isVisible()));
        assertThat(inputText()).isEqualTo("see you at 5");
        robot.type(KeyCode.ESCAPE);
        until(5, () -> onFx(() -> !robot.lookup("#editingMarker").query().isVisible()));
        assertThat(inputText()).isEmpty();
        robot.type(KeyCode.UP);
        robot.type(KeyCode.BACK_SPACE).write("6");
        robot.type(KeyCode.ENTER);
        org.switchboard.protocol.event.ProtocolEvent.MessageCorrected corrected = ben.events().await(
                org.switchboard.protocol.event.ProtocolEvent.MessageCorrected.class, WAIT);
        assertThat(corrected.newBody()).isEqualTo("see you at 6");
        until(10, () -> onFx(() -> messages().getItems().stream().anyMatch(l -> l.message() != null
                && l.message().body().equals("see you at 6") && l.message().edited())));
        until(10, () -> robot.lookup(".label").match((Label l) -> l.getText() != null
                && l.getText().contains("(edited)")).tryQuery().isPresent());

        // Rename and regroup from the list's menu; the group shows as a header.
        rightClickPerson("Ben");
        robot.clickOn("Rename…");
        until(10, () -> robot.lookup("#contactNameField").tryQuery().isPresent());
        replaceText("#contactNameField", "Benjamin 本");
        clickButton(".dialog-pane", "OK");
        until(30, () -> roster().getItems().stream().anyMatch(p -> p.displayName().equals("Benjamin 本")));

        rightClickPerson("Benjamin 本");
        robot.clickOn("Groups…");
        until(10, () -> robot.lookup("#contactGroupsField").tryQuery().isPresent());
        replaceText("#contactGroupsField", "Work, 朋友");
        clickButton(".dialog-pane", "OK");
        until(30, () -> robot.lookup(".roster-group").match((Label l) -> l.isVisible()
                && "Work".equals(l.getText())).tryQuery().isPresent());

        // Block shows the marker; Unblock takes it away.
        rightClickPerson("Benjamin 本");
        robot.clickOn("Block");
        until(30, () -> robot.lookup(".blocked-badge").match((Label l) -> l.isVisible()).tryQuery().isPresent());
        rightClickPerson("Benjamin 本");
        robot.clickOn("Unblock");
        until(30, () -> robot.lookup(".blocked-badge").match((Label l) -> l.isVisible()).tryQuery().isEmpty());

        // Ben publishes a picture from another client: the list shows it instead of the initial.
        org.jivesoftware.smack.tcp.XMPPTCPConnection camera = XmppAccounts.bareSmack(server, ben.config(), "camera");
        try {
            org.jivesoftware.smackx.vcardtemp.packet.VCard card = new org.jivesoftware.smackx.vcardtemp.packet.VCard();
            card.setAvatar(PNG, "image/png");
            org.jivesoftware.smackx.vcardtemp.VCardManager.getInstanceFor(camera).saveVCard(card);
            camera.sendStanza(org.jivesoftware.smack.packet.PresenceBuilder.buildPresence()
                    .ofType(org.jivesoftware.smack.packet.Presence.Type.available)
                    .addExtension(org.jivesoftware.smack.packet.StandardExtensionElement.builder("x",
                            "vcard-temp:x:update").addElement("photo", card.getAvatarHash()).build()).build());
            until(30, () -> robot.lookup("#avatar").match((javafx.scene.shape.Circle c) ->
                    c.getFill() instanceof javafx.scene.paint.ImagePattern).tryQuery().isPresent());
        } finally {
            camera.disconnect();
        }

        // Remove asks first.
        rightClickPerson("Benjamin 本");
        robot.clickOn("Remove");
        until(10, () -> robot.lookup("#removeContactDialog").tryQuery().isPresent());
        clickButton("#removeContactDialog", "OK");
        until(30, () -> roster().getItems().stream().noneMatch(p -> p.displayName().equals("Benjamin 本")));
    }

    private String inputText() {
        return onFx(() -> robot.lookup("#messageInput").queryTextInputControl().getText());
    }

    private void rightClickPerson(String name) {
        until(30, () -> robot.lookup(".person-name").match((Label l) -> name.equals(l.getText())).tryQuery()
                .isPresent());
        Label label = robot.lookup(".person-name").match((Label l) -> name.equals(l.getText())).queryAs(Label.class);
        robot.clickOn(label);
        // The headless robot's secondary button does not raise a context-menu request; the
        // request a right click makes is sent to the list as the platform would.
        onFx(() -> {
            javafx.geometry.Bounds b = label.localToScreen(label.getBoundsInLocal());
            javafx.geometry.Point2D local = roster().screenToLocal(b.getCenterX(), b.getCenterY());
            roster().fireEvent(new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    b.getCenterX(), b.getCenterY(), false, null));
            return null;
        });
        until(10, () -> robot.lookup("Rename…").tryQuery().isPresent());
    }

    private void signInThroughTheDialog() {
        robot.clickOn(robot.lookup(".menu-bar .menu").nth(0).queryAs(Node.class));
        robot.clickOn("#menuAccounts");
        until(10, () -> robot.lookup("#accountManager").tryQuery().isPresent());
        robot.clickOn("#addAccount");
        robot.clickOn("#add-xmpp");
        until(10, () -> robot.lookup("#accountDialog").tryQuery().isPresent());

        robot.clickOn("#account-jid").write(annConfig.settings().get(XmppProvider.JID));
        robot.clickOn("#account-password").write(annConfig.secret(XmppProvider.PASSWORD).orElseThrow());
        replaceText("#account-host", "127.0.0.1");
        replaceText("#account-port", Integer.toString(server.c2sPort()));
        clickButton("#accountDialog", "OK");
        until(10, () -> robot.lookup("#accountDialog").tryQuery().isEmpty());

        until(30, () -> robot.lookup("#certificateDialog").tryQuery().isPresent());
        String shown = onFx(() -> robot.lookup("#certificateDialog").queryAs(DialogPane.class).getContentText());
        assertThat(shown).contains(Certificates.display(server.certificateSha256()));
        clickButton("#certificateDialog", "Trust this certificate");

        until(30, () -> robot.lookup("#statusBar").queryAs(HBox.class).getChildrenUnmodifiable().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().endsWith("Connected")));
        closeAccountManager();
    }

    private void closeAccountManager() {
        if (robot.lookup("#accountManager").tryQuery().isPresent()) {
            clickButton("#accountManager", "Close");
            until(10, () -> robot.lookup("#accountManager").tryQuery().isEmpty());
        }
    }

    private boolean shows(String body) {
        return onFx(() -> messages().getItems().stream()
                .anyMatch(line -> line.message() != null && line.message().body().equals(body)));
    }

    /** Makes two users see each other's presence, Ann naming him "Ben". */
    private static void befriend(Bare ann, Bare ben) throws Exception {
        ContactAddress annSeesBen = new ContactAddress(ann.config().id(), ben.jid());
        ContactAddress benSeesAnn = new ContactAddress(ben.config().id(), ann.jid());
        Roster annRoster = ann.session().capability(Roster.class).orElseThrow();
        Roster benRoster = ben.session().capability(Roster.class).orElseThrow();
        XmppAccounts.join(annRoster.add(annSeesBen, "Ben", Set.of()));
        ben.events().await(SubscriptionRequested.class, e -> e.from().equals(benSeesAnn), WAIT);
        XmppAccounts.join(benRoster.answerSubscription(benSeesAnn, true));
        XmppAccounts.join(benRoster.add(benSeesAnn, "Ann", Set.of()));
        ann.events().await(SubscriptionRequested.class, e -> e.from().equals(annSeesBen), WAIT);
        XmppAccounts.join(annRoster.answerSubscription(annSeesBen, true));
        ann.events().await(ContactAdded.class, e -> e.entry().address().equals(annSeesBen)
                && e.entry().subscription() == Subscription.BOTH, WAIT);
    }
}
