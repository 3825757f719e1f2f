package org.switchboard.xmpp.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import org.switchboard.protocol.tls.ClientTls;

/**
 * Direct TLS (XEP-0368), which Smack 4.4's TCP connection does not offer: each socket connects,
 * then completes a TLS handshake for the XMPP domain (trust and host name checked by the
 * account's {@link ClientTls}) before Smack sees a byte. Smack then runs with its own STARTTLS
 * turned off, as the stream is already encrypted.
 */
public final class DirectTlsSocketFactory extends SocketFactory {

    private final ClientTls tls;
    private final String domain;

    public DirectTlsSocketFactory(ClientTls tls, String domain) {
        this.tls = tls;
        this.domain = domain;
    }

    @Override
    public Socket createSocket() {
        return new TlsOnConnect();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    /** A plain socket until connected, then the TLS socket layered over it. */
    private final class TlsOnConnect extends Socket {
        private volatile SSLSocket ssl;
        private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            SSLSocket layered = (SSLSocket) tls.context().getSocketFactory().createSocket(this, domain, getPort(), true);
            ClientTls.verifyHostName(layered);
            layered.setSoTimeout(timeout);
            layered.startHandshake();
            layered.setSoTimeout(0);
            ssl = layered;
        }

        private SSLSocket tls() throws SocketException {
            SSLSocket s = ssl;
            if (s == null) {
                throw new SocketException("not connected");
            }
            return s;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return ssl == null ? super.getInputStream() : tls().getInputStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return ssl == null ? super.getOutputStream() : tls().getOutputStream();
        }

        @Override
        public void close() throws IOException {
            // The TLS socket closes this one in turn (autoClose): guard against the loop.
            if (!closing.compareAndSet(false, true)) {
                super.close();
                return;
            }
            SSLSocket s = ssl;
            if (s != null) {
                s.close();
            }
            super.close();
        }
    }
}
