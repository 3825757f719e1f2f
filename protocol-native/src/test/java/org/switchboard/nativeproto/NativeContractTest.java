package org.switchboard.nativeproto;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.client.NativeProvider;
import org.switchboard.nativeproto.embedded.NativeEmbeddedServerProvider;
import org.switchboard.protocol.contract.ProtocolContractTest;
import org.switchboard.protocol.contract.TestAccount;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.EmbeddedServer;
import org.switchboard.protocol.spi.ProtocolProvider;

/** The SPI's contract, against a real native server started the way the app starts one. */
class NativeContractTest extends ProtocolContractTest {

    @TempDir
    static Path data;
    private static EmbeddedServer server;
    private static final AtomicInteger USERS = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        server = new NativeEmbeddedServerProvider().start(data, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected ProtocolProvider provider() {
        return new NativeProvider();
    }

    @Override
    protected TestAccount newAccount() throws Exception {
        String user = "user" + USERS.incrementAndGet();
        String password = "pw-" + user + "-秘密";
        server.ensureUser(user, password);
        Map<String, String> settings = server.accountSettings(user);
        AccountId id = AccountId.random();
        return new TestAccount(user, new AccountConfig(id, NativeProvider.ID, settings, Map.of("password", password)),
                new AccountConfig(id, NativeProvider.ID, settings, Map.of("password", password + "-wrong")));
    }
}
