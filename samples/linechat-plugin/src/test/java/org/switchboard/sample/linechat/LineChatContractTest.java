package org.switchboard.sample.linechat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.switchboard.protocol.contract.ProtocolContractTest;
import org.switchboard.protocol.contract.TestAccount;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolProvider;

/** The SPI's contract kit, run against a real line-chat server on a loopback port. */
class LineChatContractTest extends ProtocolContractTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static LineChatServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = LineChatServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected ProtocolProvider provider() {
        return new LineChatProvider();
    }

    @Override
    protected TestAccount newAccount() {
        String user = "user" + USERS.incrementAndGet();
        String password = "pass word \\n " + user + " 密码";
        server.addUser(user, password);
        Map<String, String> settings = Map.of("host", "127.0.0.1", "port", Integer.toString(server.port()),
                "username", user);
        AccountId id = AccountId.random();
        return new TestAccount(user,
                new AccountConfig(id, LineChatProvider.ID, settings, Map.of("password", password)),
                new AccountConfig(id, LineChatProvider.ID, settings, Map.of("password", password + "x")));
    }
}
