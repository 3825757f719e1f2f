package org.switchboard.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.event.CoreEvent.AccountStatusChanged;
import org.switchboard.core.profile.Profile;
import org.switchboard.core.testing.CoreEventRecorder;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.TestServer;
import org.switchboard.protocol.spi.ConnectionState;

class AccountsTest {

    @TempDir
    Path dir;

    private TestServer server;
    private TestCore app;
    private Profile profile;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start(dir.resolve("server"));
        profile = Profile.inFolder(dir.resolve("profile"));
        app = TestCore.open(profile.configDir(), DemoMode.OFF);
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void accountsAreSavedWithoutSecretsAndReadBack() throws Exception {
        Map<String, String> values = server.user("alice");
        String password = values.get("password");

        Account added = app.core().accounts().add("native", "Work", values).join();

        String accountsJson = Files.readString(profile.accountsFile());
        assertThat(accountsJson).contains(added.id().value(), "alice", "Work").doesNotContain(password);
        assertThat(Files.readString(profile.secretsFile())).contains(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.secretsFile())))
                .isEqualTo("rw-------");
        assertThat(added.settings()).doesNotContainKey("password");

        app.close();
        app = TestCore.open(profile.configDir(), DemoMode.OFF);

        assertThat(app.core().accounts().accounts()).containsExactly(added);
        assertThat(app.core().accounts().editableValues(added.id()))
                .containsEntry("username", "alice").doesNotContainKey("password");
    }

    @Test
    void theSecretFileIsOwnerOnlyBeforeAnySecretIsWritten() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.secretsFile())))
                .isEqualTo("rw-------");
        // Created with its permissions and an empty object: no secret yet, and valid to read back.
        assertThat(Files.readString(profile.secretsFile())).matches("\\{\\s*\\}\\s*");
    }

    @Test
    void invalidValuesAreRefusedFieldByFieldAndNothingIsSaved() {
        Map<String, String> values = Map.of("host", "localhost", "port", "99999", "username", "");

        assertThatThrownBy(() -> app.core().accounts().add("native", "", values).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port → validation.port")
                .hasMessageContaining("username → validation.required")
                .hasMessageContaining("password → validation.required");
        assertThat(app.core().accounts().accounts()).isEmpty();
        assertThat(profile.accountsFile()).doesNotExist();
    }

    @Test
    void updatingWithABlankSecretKeepsTheStoredOne() throws Exception {
        Map<String, String> values = server.user("alice");
        Account added = app.core().accounts().add("native", "", values).join();
        awaitConnected(added);
        app.events().clear();

        Map<String, String> edited = new HashMap<>(values);
        edited.put("password", "");
        Account updated = app.core().accounts().update(added.id(), "Renamed", edited).join();

        assertThat(updated.label()).isEqualTo("Renamed");
        awaitConnected(added);
        assertThat(Files.readString(profile.secretsFile())).contains(values.get("password"));
    }

    @Test
    void subscribersGetTheCurrentStateFirstAndAFailingOneHarmsNoOther() throws Exception {
        Account added = app.core().accounts().add("native", "", server.user("alice")).join();
        awaitConnected(added);

        app.core().subscribe(e -> {
            throw new IllegalStateException("a broken view");
        });
        CoreEventRecorder late = new CoreEventRecorder();
        AutoCloseable subscription = app.core().subscribe(late);
        late.await(CoreEvent.OwnPresenceChanged.class, e -> true);

        assertThat(late.events()).extracting(e -> e.getClass().getSimpleName()).startsWith(
                "AccountsChanged", "AccountStatusChanged", "PeopleChanged", "OwnPresenceChanged");
        assertThat(late.events(AccountStatusChanged.class).getFirst().status().state())
                .isEqualTo(ConnectionState.CONNECTED);
        subscription.close();
    }

    private void awaitConnected(Account account) {
        app.events().await(AccountStatusChanged.class, e -> e.status().account().equals(account.id())
                && e.status().state() == ConnectionState.CONNECTED);
    }
}
