package org.switchboard.core.localdemo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.provider.ProviderRegistry;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.AccountField;
import org.switchboard.protocol.spi.EmbeddedServer;
import org.switchboard.protocol.spi.EmbeddedServerProvider;
import org.switchboard.protocol.spi.ProtocolProvider;

/**
 * The local demo: an embedded native server on loopback with the user {@code me} and two
 * answering contacts. Found through the SPI only, so the core names no class of the protocol.
 * Passwords are new at every start: nothing outside this process needs them.
 */
public final class DemoRunner implements AutoCloseable {

    public static final String PROTOCOL = "native";
    public static final String USER = "me";

    private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the core needs to make or refresh the demo account. */
    public record DemoAccount(Map<String, String> settings, Map<String, String> secrets) {
    }

    private final ProviderRegistry providers;
    private final Path dataDir;
    private final ScheduledExecutorService botThread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("switchboard-demo-contacts").daemon(true).factory());
    private final List<DemoBot> bots = new ArrayList<>();
    private final Map<String, String> passwords = new java.util.HashMap<>();
    private EmbeddedServer server;

    public DemoRunner(ProviderRegistry providers, Path dataDir) {
        this.providers = providers;
        this.dataDir = dataDir;
    }

    /** Starts the server and makes the users; blocking, so call it off the core thread. */
    public synchronized DemoAccount startServer() throws IOException {
        EmbeddedServerProvider serverProvider = providers.embeddedServer(PROTOCOL).orElseThrow(() ->
                new IOException("The demo needs the Switchboard native protocol's server, which is not installed"));
        ProtocolProvider client = client();
        // 127.0.0.1 rather than "localhost": the demo must not depend on how names resolve here.
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        server = serverProvider.start(dataDir, new InetSocketAddress(loopback, 0));
        String password = newPassword();
        server.ensureUser(USER, password);
        for (String bot : List.of("echo", "xiaoming")) {
            String botPassword = newPassword();
            server.ensureUser(bot, botPassword);
            passwords.put(bot, botPassword);
            server.befriend(USER, bot);
        }
        LOG.info("demo server listening on {}", server.address());
        return new DemoAccount(server.accountSettings(USER), Map.of(passwordKey(client), password));
    }

    /** Logs the demo's contacts in; they answer from then on. */
    public synchronized CompletableFuture<Void> startContacts() throws IOException {
        ProtocolProvider client = client();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        starting.add(bot(client, "echo", BotReplies.echo(),
                new PresenceStatus(Availability.ONLINE, "I repeat what you say")));
        starting.add(bot(client, "xiaoming", BotReplies.xiaoming(),
                new PresenceStatus(Availability.ONLINE, "我用中文回复")));
        return CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> bot(ProtocolProvider client, String user,
                                           java.util.function.UnaryOperator<String> reply, PresenceStatus presence) {
        String password = passwords.get(user);
        AccountConfig config = new AccountConfig(new AccountId("demo-contact-" + user), PROTOCOL,
                server.accountSettings(user), Map.of(passwordKey(client), password));
        DemoBot bot = DemoBot.open(client, config, botThread, reply, presence);
        // Registered before logging in, so that close() also ends a bot still logging in.
        bots.add(bot);
        return bot.login();
    }

    private ProtocolProvider client() throws IOException {
        return providers.find(PROTOCOL).orElseThrow(() ->
                new IOException("The demo needs the Switchboard native protocol, which is not installed"));
    }

    private static String passwordKey(ProtocolProvider client) {
        return client.accountSchema().fields().stream().filter(AccountField::secret).map(AccountField::key)
                .findFirst().orElse("password");
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public synchronized boolean running() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        bots.forEach(DemoBot::close);
        bots.clear();
        botThread.shutdownNow();
        try {
            botThread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.warn("stopping the demo server failed", e);
            }
            server = null;
        }
    }
}
