package org.switchboard.nativeproto.client;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.AccountField;
import org.switchboard.protocol.spi.AccountSchema;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.SpiVersion;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.SessionListener;

/** Switchboard's own network. Account settings: {@code host}, {@code port}, {@code username}; secret {@code password}. */
public final class NativeProvider implements ProtocolProvider {

    public static final String ID = "native";
    public static final String HOST = NativeSettings.HOST;
    public static final String PORT = NativeSettings.PORT;
    public static final String USERNAME = NativeSettings.USERNAME;
    public static final String PASSWORD = NativeSettings.PASSWORD;

    private static final AccountSchema SCHEMA = new AccountSchema(List.of(
            AccountField.Text.optional(HOST, "localhost"),
            new AccountField.Port(PORT, Frames.DEFAULT_PORT),
            new AccountField.Text(USERNAME, true, "", java.util.regex.Pattern.compile("(?i)[a-z0-9][a-z0-9._-]{0,63}")),
            new AccountField.Secret(PASSWORD, true)), USERNAME);

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
            return "Switchboard";
        }
    }

    @Override
    public AccountSchema accountSchema() {
        return SCHEMA;
    }

    @Override
    public ProtocolSession open(AccountConfig config, SessionListener listener) {
        return new NativeSession(config, listener);
    }
}
