package org.switchboard.xmpp;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.switchboard.protocol.contract.ProtocolContractTest;
import org.switchboard.protocol.contract.TestAccount;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.xmpp.testing.ProsodyServer;

/** The SPI's contract, against a real Prosody. */
class XmppContractTest extends ProtocolContractTest {

    private static ProsodyServer server;
    private static final AtomicInteger USERS = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected ProtocolProvider provider() {
        return new XmppProvider();
    }

    @Override
    protected TestAccount newAccount() throws Exception {
        String user = "contract" + USERS.incrementAndGet();
        AccountConfig config = server.newAccount(user);
        AccountConfig wrong = new AccountConfig(config.id(), config.protocolId(), config.settings(),
                java.util.Map.of(XmppProvider.PASSWORD, "not-the-password"));
        return new TestAccount(user + "@" + server.domain(), config, wrong);
    }
}
