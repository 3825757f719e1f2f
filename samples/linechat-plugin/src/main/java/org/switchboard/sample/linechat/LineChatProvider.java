package org.switchboard.sample.linechat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.AccountField;
import org.switchboard.protocol.spi.AccountSchema;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.SessionListener;
import org.switchboard.protocol.spi.SpiVersion;

/** The line-chat network: plain TCP, one command per line (see docs/plugins.md). */
public final class LineChatProvider implements ProtocolProvider {

    public static final String ID = "linechat";
    public static final int DEFAULT_PORT = 7777;

    /** User names are single tokens: the protocol separates fields with spaces. */
    private static final Pattern USER = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName(Locale locale) {
        return messages(locale).containsKey("provider.name") ? messages(locale).getString("provider.name") : "Line chat";
    }

    @Override
    public AccountSchema accountSchema() {
        return new AccountSchema(List.of(
                new AccountField.Text("host", true, "localhost", null),
                new AccountField.Port("port", DEFAULT_PORT),
                new AccountField.Text("username", true, "", USER),
                new AccountField.Secret("password", true)), "username");
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public ProtocolSession open(AccountConfig config, SessionListener listener) {
        return new LineChatSession(config, listener);
    }
}
