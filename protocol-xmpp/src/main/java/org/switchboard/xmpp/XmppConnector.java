package org.switchboard.xmpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.tls.ClientTls;
import org.switchboard.xmpp.tls.DirectTlsSocketFactory;
import org.switchboard.xmpp.tls.DomainNameVerifier;
import org.switchboard.xmpp.tls.FixedTrustSslContext;

/**
 * Builds a Smack connection for an account: TLS always (STARTTLS, or direct TLS), trust from the
 * account's {@link ClientTls} (system authorities, its CA file, its pins), the host name checked
 * against the XMPP domain, SCRAM only (the password never crosses the wire), stream management
 * with resumption, no automatic reconnection and no automatic presence.
 */
final class XmppConnector {

    private static final java.util.regex.Pattern IP_LITERAL =
            java.util.regex.Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*]?");

    private final XmppSettings settings;
    private final ClientTls tls;
    private final java.util.Set<String> pins;
    private final AtomicReference<Socket> lastSocket = new AtomicReference<>();

    XmppConnector(XmppSettings settings, AccountConfig config) throws ProtocolException {
        this.settings = settings;
        this.tls = ClientTls.forAccount(config);
        this.pins = config.pinnedCertificates();
    }

    ClientTls tls() {
        return tls;
    }

    /** The TCP socket of the newest connection attempt, so that tests can break it as a network would. */
    Socket lastSocket() {
        return lastSocket.get();
    }

    XMPPTCPConnection build() throws ProtocolException {
        try {
            XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(settings.jid().asDomainBareJid())
                    .setUsernameAndPassword(settings.jid().getLocalpart(), settings.password())
                    .setResource(settings.resource())
                    .setSslContextFactory(() -> new FixedTrustSslContext(tls))
                    .setHostnameVerifier(new DomainNameVerifier(pins))
                    .setConnectTimeout((int) settings.connectTimeout().toMillis())
                    .setSendPresence(false)
                    .addEnabledSaslMechanism("SCRAM-SHA-1");
            if (settings.host().isPresent()) {
                String host = settings.host().get();
                if (IP_LITERAL.matcher(host).matches()) {
                    // A literal: no DNS lookup happens here.
                    builder.setHostAddress(InetAddress.getByName(host));
                } else {
                    builder.setHost(host);
                }
            }
            if (settings.port().isPresent()) {
                builder.setPort(settings.port().getAsInt());
            } else if (settings.directTls()) {
                builder.setPort(5223);
            }
            if (settings.directTls()) {
                // Smack does not know the stream is encrypted: its STARTTLS is off, our socket does TLS.
                builder.setSecurityMode(SecurityMode.disabled)
                        .setSocketFactory(tracking(new DirectTlsSocketFactory(tls, settings.jid().getDomain().toString())));
            } else {
                builder.setSecurityMode(SecurityMode.required).setSocketFactory(tracking(SocketFactory.getDefault()));
            }
            XMPPTCPConnection connection = new XMPPTCPConnection(builder.build());
            connection.setReplyTimeout(settings.requestTimeout().toMillis());
            connection.setUseStreamManagement(true);
            connection.setUseStreamManagementResumption(true);
            ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
            return connection;
        } catch (XmppStringprepException | IllegalArgumentException | java.net.UnknownHostException e) {
            throw new ProtocolException(Reason.INVALID_INPUT, "Bad account settings: " + e.getMessage(), e);
        }
    }

    private SocketFactory tracking(SocketFactory delegate) {
        return new SocketFactory() {
            private Socket track(Socket s) throws IOException {
                // Chat is small writes that wait for answers: Nagle's delay only adds latency.
                s.setTcpNoDelay(true);
                lastSocket.set(s);
                return s;
            }

            @Override
            public Socket createSocket() throws IOException {
                return track(delegate.createSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return track(delegate.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return track(delegate.createSocket(host, port, localHost, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return track(delegate.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return track(delegate.createSocket(address, port, localAddress, localPort));
            }
        };
    }
}
