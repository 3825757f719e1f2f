package org.switchboard.irc;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import org.switchboard.irc.internal.IrcSession;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.AccountField;
import org.switchboard.protocol.spi.AccountSchema;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.SessionListener;
import org.switchboard.protocol.spi.SpiVersion;

/**
 * IRC networks. The account names a server, a nick and optionally SASL or NickServ
 * credentials; see {@link IrcSettings} for every key.
 *
 * <p><b>Friends list.</b> IRC keeps no contact list on the server, so the {@code Roster} of an IRC
 * session is a list of nicks the app keeps: the setting {@value IrcSettings#FRIENDS} (comma
 * separated) is read at each connect, and {@code Roster.add/remove} change it for the rest of the
 * session (the app stores the list and passes it in again). Presence comes from MONITOR where the
 * server offers it, else from ISON polling; away states from away-notify, else from WHO polling.
 *
 * <p><b>Long messages.</b> {@code maxBodyBytes()} reports a large limit: the provider splits a long
 * body into several IRC messages, each under the 512-byte line limit, at spaces where it can and
 * never inside a UTF-8 character.
 */
public final class IrcProvider implements ProtocolProvider {

    public static final String ID = "irc";

    private static final AccountSchema SCHEMA = new AccountSchema(List.of(
            AccountField.Text.required(IrcSettings.HOST),
            new AccountField.Port(IrcSettings.PORT, IrcSettings.DEFAULT_PORT),
            new AccountField.Flag(IrcSettings.TLS, true),
            new AccountField.Text(IrcSettings.NICK, true, "", IrcSettings.NICK_PATTERN),
            new AccountField.Text(IrcSettings.ALTERNATE_NICKS, false, "", IrcSettings.NICK_LIST_PATTERN),
            new AccountField.Text(IrcSettings.USERNAME, false, "", IrcSettings.USERNAME_PATTERN),
            AccountField.Text.optional(IrcSettings.REAL_NAME, ""),
            new AccountField.Secret(IrcSettings.SERVER_PASSWORD, false),
            AccountField.Text.optional(IrcSettings.SASL_ACCOUNT, ""),
            new AccountField.Secret(IrcSettings.SASL_PASSWORD, false),
            new AccountField.Flag(IrcSettings.NICKSERV, false),
            new AccountField.Text(IrcSettings.CHANNELS, false, "", IrcSettings.CHANNEL_LIST_PATTERN),
            new AccountField.Text(IrcSettings.FRIENDS, false, "", IrcSettings.NICK_LIST_PATTERN)),
            IrcSettings.NICK);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName(Locale locale) {
        try {
            return messages(locale).getString("provider.name");
        } catch (MissingResourceException e) {
            return "IRC";
        }
    }

    @Override
    public AccountSchema accountSchema() {
        return SCHEMA;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public ProtocolSession open(AccountConfig config, SessionListener listener) {
        return new IrcSession(config, listener);
    }
}
