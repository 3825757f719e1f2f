package org.switchboard.xmpp;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.regex.Pattern;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.AccountField;
import org.switchboard.protocol.spi.AccountSchema;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.SessionListener;
import org.switchboard.protocol.spi.SpiVersion;

/**
 * XMPP (Jabber). Account settings: {@code jid}, optional {@code host} and {@code port} (else the
 * JID's domain, through DNS SRV), {@code resource}, {@code direct-tls}; secret {@code password}.
 * TLS is always required and the server's certificate is checked for the JID's domain.
 */
public final class XmppProvider implements ProtocolProvider {

    public static final String ID = "xmpp";
    public static final String JID = "jid";
    public static final String PASSWORD = "password";
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String RESOURCE = "resource";
    public static final String DIRECT_TLS = "direct-tls";

    private static final AccountSchema SCHEMA = new AccountSchema(List.of(
            new AccountField.Text(JID, true, "", Pattern.compile("[^@/\\s]+@[^@/\\s]+")),
            new AccountField.Secret(PASSWORD, true),
            new AccountField.Text(HOST, false, "", Pattern.compile("[^\\s/]+")),
            new AccountField.Text(PORT, false, "", Pattern.compile("[0-9]{1,5}")),
            AccountField.Text.optional(RESOURCE, "switchboard"),
            new AccountField.Flag(DIRECT_TLS, false)), JID);

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName(Locale locale) {
        try {
            return messages(locale).getString("provider.name");
        } catch (MissingResourceException e) {
            return "XMPP";
        }
    }

    @Override
    public AccountSchema accountSchema() {
        return SCHEMA;
    }

    @Override
    public ProtocolSession open(AccountConfig config, SessionListener listener) {
        return new XmppSession(config, listener);
    }
}
