package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ServiceLoader;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.contact.Person;
import org.switchboard.protocol.spi.EmbeddedServer;
import org.switchboard.protocol.spi.EmbeddedServerProvider;
import org.switchboard.protocol.tls.Certificates;

/**
 * A user adds a Switchboard-server account through the dialog generated from the provider's
 * schema: a missing field is flagged, the server's self-signed certificate is shown with its
 * fingerprint, and once trusted the account connects and its contacts appear.
 */
class AccountDialogUiTest extends AppUiTest {

    @TempDir
    Path serverData;

    private EmbeddedServer server;

    @BeforeEach
    void startServerAndApp() throws Exception {
        EmbeddedServerProvider provider = ServiceLoader.load(EmbeddedServerProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.protocolId().equals("native"))
                .findFirst().orElseThrow();
        server = provider.start(serverData, new InetSocketAddress("127.0.0.1", 0));
        server.ensureUser("carol", "carol-password");
        server.ensureUser("dave", "dave-password");
        server.befriend("carol", "dave");
        launch("--demo", "off", "--language", "en");
    }

    @AfterEach
    void stopAppAndServer() throws Exception {
        stop();
        server.close();
    }

    @Test
    void addAnAccountTrustItsCertificateAndSeeItsContacts() {
        robot.clickOn(robot.lookup(".menu-bar .menu").nth(0).queryAs(Node.class));
        robot.clickOn("#menuAccounts");
        until(10, () -> robot.lookup("#accountManager").tryQuery().isPresent());
        robot.clickOn("#addAccount");
        robot.clickOn("#add-native");
        until(10, () -> robot.lookup("#accountDialog").tryQuery().isPresent());

        replaceText("#account-host", "localhost");
        replaceText("#account-port", Integer.toString(server.address().getPort()));
        robot.clickOn("#account-password").write("carol-password");
        clickButton("#accountDialog", "OK");

        // The user name is required: the dialog stays open and says so.
        until(5, () -> robot.lookup("#accountDialog .field-error")
                .match((Label l) -> l.isVisible() && l.getText().equals("Required")).tryQuery().isPresent());

        robot.clickOn("#account-username").write("carol");
        clickButton("#accountDialog", "OK");
        until(10, () -> robot.lookup("#accountDialog").tryQuery().isEmpty());

        until(30, () -> robot.lookup("#certificateDialog").tryQuery().isPresent());
        String shown = onFx(() -> robot.lookup("#certificateDialog").queryAs(DialogPane.class).getContentText());
        assertThat(shown).contains(Certificates.display(server.certificateSha256()));
        clickButton("#certificateDialog", "Trust this certificate");

        until(30, () -> robot.lookup("#statusBar").queryAs(HBox.class).getChildrenUnmodifiable().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().endsWith("Connected")));
        until(30, () -> robot.lookup("#roster").queryAs(ListView.class).getItems().stream()
                .anyMatch(p -> ((Person) p).displayName().equals("dave")));
    }
}
