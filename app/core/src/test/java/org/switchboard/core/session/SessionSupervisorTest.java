package org.switchboard.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountStatus;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.AccountStatusChanged;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.TestServer;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException.Reason;

class SessionSupervisorTest {

    @TempDir
    Path dir;

    private TestServer server;
    private TestCore app;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start(dir.resolve("server"));
        app = TestCore.open(dir.resolve("profile"), DemoMode.OFF);
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    private AccountStatus awaitStatus(Account account, java.util.function.Predicate<AccountStatus> matches) {
        return app.events().await(AccountStatusChanged.class,
                e -> e.status().account().equals(account.id()) && matches.test(e.status())).status();
    }

    private long attempts(Account account) {
        return app.events().events(AccountStatusChanged.class).stream()
                .filter(e -> e.status().account().equals(account.id())
                        && e.status().state() == ConnectionState.CONNECTING)
                .count();
    }

    @Test
    void aWrongPasswordFailsOnceAndIsNotRetried() throws Exception {
        Map<String, String> values = new HashMap<>(server.user("alice"));
        values.put("password", "not the password");

        Account account = app.core().accounts().add("native", "", values).join();

        AccountStatus failed = awaitStatus(account, s -> s.state() == ConnectionState.FAILED);
        assertThat(failed.failure()).contains(Reason.AUTH_FAILED);
        assertThat(failed.retryAt()).isEmpty();
        assertThat(failed.errorMessage()).isNotBlank();

        // Another account connecting proves the core kept running meanwhile, without a sleep.
        Account good = app.core().accounts().add("native", "", server.user("bob")).join();
        awaitStatus(good, s -> s.state() == ConnectionState.CONNECTED);
        assertThat(attempts(account)).isEqualTo(1);
        assertThat(app.core().accounts().status(account.id()).state()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void reconnectsWithBackOffWhenTheServerComesBack() throws Exception {
        Account account = app.core().accounts().add("native", "", server.user("alice")).join();
        awaitStatus(account, s -> s.state() == ConnectionState.CONNECTED);

        server.stop();

        AccountStatus dropped = awaitStatus(account, s -> s.state() == ConnectionState.FAILED);
        assertThat(dropped.retryAt()).isPresent();
        assertThat(dropped.failure()).hasValueSatisfying(r -> assertThat(r).isIn(Reason.NETWORK, Reason.TIMEOUT));
        // Fails at least twice while the server is down, so the back-off is exercised.
        app.events().await(AccountStatusChanged.class, e -> e.status().account().equals(account.id())
                && e.status().state() == ConnectionState.FAILED && e.status().retryAt().isPresent()
                && app.events().events(AccountStatusChanged.class).stream()
                        .filter(x -> x.status().state() == ConnectionState.FAILED).count() >= 2);
        app.events().clear();

        server.restart();

        awaitStatus(account, s -> s.state() == ConnectionState.CONNECTED);
    }

    @Test
    void anUntrustedCertificateIsReportedAndConnectsOnceTrusted() throws Exception {
        Map<String, String> values = new HashMap<>(server.user("alice"));
        values.remove(AccountConfig.PINNED_CERTIFICATES);

        Account account = app.core().accounts().add("native", "", values).join();

        AccountStatus refused = awaitStatus(account, s -> s.state() == ConnectionState.FAILED);
        assertThat(refused.failure()).contains(Reason.UNTRUSTED_CERTIFICATE);
        assertThat(refused.retryAt()).isEmpty();
        assertThat(refused.untrustedCertificate()).hasValueSatisfying(c ->
                assertThat(c.sha256Fingerprint()).isEqualToIgnoringCase(server.server().certificateSha256()));

        app.core().accounts().trustCertificate(account.id(), refused.certificate().sha256Fingerprint()).join();

        awaitStatus(account, s -> s.state() == ConnectionState.CONNECTED);
        assertThat(app.core().accounts().accounts()).singleElement().satisfies(a ->
                assertThat(a.settings().get(AccountConfig.PINNED_CERTIFICATES))
                        .isEqualToIgnoringCase(server.server().certificateSha256()));
    }
}
