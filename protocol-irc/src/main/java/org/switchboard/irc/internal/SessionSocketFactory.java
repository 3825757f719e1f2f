package org.switchboard.irc.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.tls.ClientTls;

/**
 * Opens the connection PircBotX asks for: TCP with a timeout, then (with TLS) a handshake that
 * checks the certificate against {@link ClientTls} and the host name the user typed, which
 * PircBotX's own TLS set-up does not check. Why the last attempt failed is kept as a
 * {@link ProtocolException}, since PircBotX only logs it.
 */
final class SessionSocketFactory extends SocketFactory {

    private final String host;
    private final ClientTls tls;
    private final Duration timeout;
    private final AtomicReference<ProtocolException> lastFailure = new AtomicReference<>();

    /** @param tls the trust to use, or null for a plain connection */
    SessionSocketFactory(String host, ClientTls tls, Duration timeout) {
        this.host = host;
        this.tls = tls;
        this.timeout = timeout;
    }

    ProtocolException lastFailure() {
        return lastFailure.get();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket raw = new Socket();
        try {
            if (localAddress != null) {
                raw.bind(new InetSocketAddress(localAddress, localPort));
            }
            raw.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
        } catch (SocketTimeoutException e) {
            throw failed(raw, new ProtocolException(Reason.TIMEOUT, "No connection to " + host + ":" + port
                    + " within " + timeout.toSeconds() + " s", e));
        } catch (ConnectException | NoRouteToHostException e) {
            throw failed(raw, new ProtocolException(Reason.NETWORK, "Cannot reach " + host + ":" + port + ": "
                    + e.getMessage(), e));
        } catch (IOException e) {
            throw failed(raw, new ProtocolException(Reason.NETWORK, "Cannot connect to " + host + ": "
                    + e.getMessage(), e));
        }
        if (tls == null) {
            lastFailure.set(null);
            return raw;
        }
        SSLSocket socket = null;
        try {
            socket = (SSLSocket) tls.context().getSocketFactory().createSocket(raw, host, port, true);
            ClientTls.verifyHostName(socket);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.startHandshake();
            socket.setSoTimeout(0);
            lastFailure.set(null);
            return socket;
        } catch (SocketTimeoutException e) {
            throw failed(socket != null ? socket : raw, new ProtocolException(Reason.TIMEOUT,
                    "The TLS handshake with " + host + " timed out", e));
        } catch (SSLException e) {
            throw failed(socket != null ? socket : raw, tls.untrusted(host, e).orElseGet(() ->
                    new ProtocolException(Reason.NETWORK, "TLS with " + host + " failed: " + e.getMessage(), e)));
        } catch (IOException e) {
            throw failed(socket != null ? socket : raw, new ProtocolException(Reason.NETWORK,
                    "TLS with " + host + " failed: " + e.getMessage(), e));
        }
    }

    private IOException failed(Socket socket, ProtocolException cause) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
        lastFailure.set(cause);
        return new IOException(cause.getMessage(), cause);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(InetAddress.getByName(host), port, null, 0);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(InetAddress.getByName(host), port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host, port, null, 0);
    }
}
