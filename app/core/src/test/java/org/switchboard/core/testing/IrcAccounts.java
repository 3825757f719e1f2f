package org.switchboard.core.testing;

import java.util.HashMap;
import java.util.Map;
import org.switchboard.core.account.Account;
import org.switchboard.irc.testing.NgircdServer;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;

/** IRC accounts on a test ngircd, added to a core the way the account dialog would. */
public final class IrcAccounts {

    private IrcAccounts() {
    }

    /** The values the account dialog would send for this nick: settings and secrets together. */
    public static Map<String, String> values(NgircdServer irc, String nick) {
        AccountConfig config = irc.account(nick);
        Map<String, String> values = new HashMap<>(config.settings());
        values.putAll(config.secrets());
        return values;
    }

    /** Adds an IRC account for {@code nick} and waits until it is connected. */
    public static Account addConnected(TestCore core, NgircdServer irc, String nick) {
        Account account = core.core().accounts().add("irc", nick, values(irc, nick)).join();
        core.awaitState(account, ConnectionState.CONNECTED);
        return account;
    }
}
