package org.switchboard.irc;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.switchboard.irc.testing.NgircdServer;
import org.switchboard.protocol.contract.ProtocolContractTest;
import org.switchboard.protocol.contract.TestAccount;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolProvider;

/**
 * The SPI's contract against a real ngircd over TLS. The server asks for a server password, which
 * is what a wrong password can be on a network without accounts. Typing and receipts are skipped:
 * IRC has neither.
 */
class IrcContractTest extends ProtocolContractTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static NgircdServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = NgircdServer.builder().serverPassword("contract-秘密").start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** IRC messages carry no id; the receiving session makes its own. */
    @Override
    protected boolean networkCarriesMessageIds() {
        return false;
    }

    @Override
    protected ProtocolProvider provider() {
        return new IrcProvider();
    }

    @Override
    protected TestAccount newAccount() {
        String nick = "contract" + USERS.incrementAndGet();
        // Friends' away states are polled; a second keeps the test quick.
        AccountConfig config = server.account(nick).withSetting(IrcSettings.POLL_SECONDS, "1");
        AccountConfig wrong = new AccountConfig(config.id(), config.protocolId(), config.settings(),
                Map.of(IrcSettings.SERVER_PASSWORD, "wrong"));
        return new TestAccount(nick, config, wrong);
    }
}
