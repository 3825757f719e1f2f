package org.switchboard.xmpp;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;

/**
 * An account's settings as a session uses them. Besides the dialog's fields, two optional
 * advanced settings tune the timing: {@code connect-timeout-seconds} (15, the deadline of a whole
 * login) and {@code request-timeout-seconds} (15).
 */
record XmppSettings(EntityBareJid jid, String password, Optional<String> host, OptionalInt port, String resource,
                    boolean directTls, Duration connectTimeout, Duration requestTimeout) {

    static XmppSettings of(AccountConfig config) throws ProtocolException {
        String rawJid = config.text(XmppProvider.JID, "").strip();
        EntityBareJid jid;
        try {
            jid = JidCreate.entityBareFrom(rawJid);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new ProtocolException(Reason.INVALID_INPUT, "\"" + rawJid + "\" is not an XMPP address (user@domain)", e);
        }
        String password = config.secret(XmppProvider.PASSWORD).orElse("");
        if (password.isEmpty()) {
            throw new ProtocolException(Reason.INVALID_INPUT, "The account has no password");
        }
        OptionalInt port = OptionalInt.empty();
        Optional<String> rawPort = config.setting(XmppProvider.PORT);
        if (rawPort.isPresent()) {
            try {
                int p = Integer.parseInt(rawPort.get().strip());
                if (p < 1 || p > 65535) {
                    throw new NumberFormatException();
                }
                port = OptionalInt.of(p);
            } catch (NumberFormatException e) {
                throw new ProtocolException(Reason.INVALID_INPUT, "\"" + rawPort.get() + "\" is not a port", e);
            }
        }
        return new XmppSettings(jid, password, config.setting(XmppProvider.HOST).map(String::strip), port,
                config.text(XmppProvider.RESOURCE, "switchboard").strip(),
                config.flag(XmppProvider.DIRECT_TLS, false),
                Duration.ofSeconds(config.port("connect-timeout-seconds", 15)),
                Duration.ofSeconds(config.port("request-timeout-seconds", 15)));
    }

    @Override
    public String toString() {
        return "XmppSettings[" + jid + host.map(h -> " via " + h).orElse("") + "]";
    }
}
