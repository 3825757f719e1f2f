package org.switchboard.core.provider;

import java.util.List;
import java.util.Locale;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.AccountField;
import org.switchboard.protocol.spi.AccountSchema;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.SessionListener;

/** A provider built for a later major SPI version, which the registry must leave out. */
public final class FutureSpiProvider implements ProtocolProvider {

    @Override
    public String id() {
        return "future";
    }

    @Override
    public String displayName(Locale locale) {
        return "From the future";
    }

    @Override
    public AccountSchema accountSchema() {
        return new AccountSchema(List.of(AccountField.Text.required("user")), "user");
    }

    @Override
    public int spiVersion() {
        return 2_000;
    }

    @Override
    public ProtocolSession open(AccountConfig config, SessionListener listener) {
        throw new UnsupportedOperationException("never opened: the registry refuses this provider");
    }
}
