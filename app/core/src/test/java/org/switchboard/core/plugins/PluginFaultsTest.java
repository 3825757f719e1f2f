package org.switchboard.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountStatus;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.AccountStatusChanged;
import org.switchboard.core.event.CoreEvent.MessageAdded;
import org.switchboard.core.testing.PluginJarBuilder;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.TestPlugins;
import org.switchboard.core.testing.TestServer;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException.Reason;

/**
 * A plugin's session code that throws, at open, at connect or in the future connect returns,
 * becomes the account's FAILED status with a readable message; the core keeps serving the others.
 */
class PluginFaultsTest {

    private static final String SESSION = """
            String mode = config.text("mode", "");
            if (mode.equals("open-throws")) {
                throw new NullPointerException("boom in open");
            }
            return new ProtocolSession() {
                public org.switchboard.protocol.model.AccountId account() { return config.id(); }
                public ConnectionState state() { return ConnectionState.DISCONNECTED; }
                public java.util.concurrent.CompletableFuture<Void> connect() {
                    if (mode.equals("connect-throws")) {
                        throw new NoClassDefFoundError("boom in connect");
                    }
                    if (mode.equals("garbage-then-message")) {
                        Thread.ofPlatform().start(() -> {
                            listener.onEvent(new org.switchboard.protocol.event.ProtocolEvent.MessageReceived(
                                    config.id(), null));
                            listener.onEvent(new org.switchboard.protocol.event.ProtocolEvent.MessageReceived(
                                    config.id(), new org.switchboard.protocol.model.ChatMessage(
                                            org.switchboard.protocol.model.MessageId.of("after-garbage"),
                                            new org.switchboard.protocol.model.ContactAddress(config.id(), "peer"),
                                            org.switchboard.protocol.model.Direction.INCOMING, "after the garbage",
                                            java.time.Instant.now())));
                        });
                        return java.util.concurrent.CompletableFuture.completedFuture(null);
                    }
                    return java.util.concurrent.CompletableFuture.failedFuture(
                            new UnsupportedOperationException("boom later"));
                }
                public java.util.concurrent.CompletableFuture<Void> disconnect() {
                    throw new IllegalStateException("boom in disconnect");
                }
                public <C extends org.switchboard.protocol.spi.capability.Capability> java.util.Optional<C> capability(
                        Class<C> type) { return java.util.Optional.empty(); }
                public java.util.Set<Class<? extends org.switchboard.protocol.spi.capability.Capability>> capabilities() {
                    return java.util.Set.of();
                }
                public void close() { throw new IllegalStateException("boom in close"); }
            };
            """;

    @TempDir
    Path dir;
    private TestCore app;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        PluginJarBuilder.plugin("Faulty", "1")
                .source("test.plugin.faulty.Provider", TestPlugins.provider("test.plugin.faulty", "faulty",
                        "\"Faulty\"", "SpiVersion.CURRENT", "", SESSION))
                .provider("test.plugin.faulty.Provider")
                .writeTo(dir.resolve("profile/plugins/faulty.jar"));
        server = TestServer.start(dir.resolve("server"));
        app = TestCore.open(dir.resolve("profile"), DemoMode.OFF);
        app.core().start().join();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"open-throws, boom in open", "connect-throws, boom in connect", "fails-later, boom later"})
    void aThrowingPluginSessionBecomesAFailedAccount(String mode, String text) throws Exception {
        Account account = app.core().accounts().add("faulty", "", Map.of("user", "u", "mode", mode)).join();

        AccountStatus failed = app.events().await(AccountStatusChanged.class,
                e -> e.status().account().equals(account.id()) && e.status().state() == ConnectionState.FAILED)
                .status();
        assertThat(failed.failure()).contains(Reason.INTERNAL);
        assertThat(failed.errorMessage()).contains(text);
        assertThat(failed.retryAt()).as("a plugin's bug is not retried").isEmpty();

        Account healthy = app.addConnected(server.user("bob"));
        assertThat(app.core().accounts().status(healthy.id()).state()).isEqualTo(ConnectionState.CONNECTED);

        // Removing it runs the plugin's throwing disconnect and close: still no harm done.
        app.core().accounts().remove(account.id()).join();
        assertThat(app.core().accounts().accounts()).extracting(Account::id).doesNotContain(account.id());
    }

    @Test
    void anEventTheCoreCannotApplyIsLoggedAndTheNextOneStillArrives() {
        Account account = app.core().accounts().add("faulty", "", Map.of("user", "u", "mode", "garbage-then-message"))
                .join();

        app.awaitState(account, ConnectionState.CONNECTED);
        MessageAdded added = app.events().await(MessageAdded.class,
                e -> e.message().body().equals("after the garbage"));
        assertThat(added.message().conversation().peer().handle()).isEqualTo("peer");
        assertThat(app.core().accounts().status(account.id()).state()).isEqualTo(ConnectionState.CONNECTED);
    }
}
