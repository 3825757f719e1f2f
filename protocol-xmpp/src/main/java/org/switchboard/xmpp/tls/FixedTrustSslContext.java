package org.switchboard.xmpp.tls;

import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.switchboard.protocol.tls.ClientTls;

/**
 * The account's {@link ClientTls} context as Smack needs it. Smack 4.4 calls {@code init} again on
 * any context it is given, with no trust managers, which would put the JVM's default trust back
 * in place; this context ignores that call, so the account's authorities and pins stay in force.
 * Every socket it makes verifies the host name it was created for (the XMPP domain).
 */
public final class FixedTrustSslContext extends SSLContext {

    public FixedTrustSslContext(ClientTls tls) {
        super(new Spi(tls.context()), tls.context().getProvider(), tls.context().getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;

        Spi(SSLContext delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            // Deliberately ignored: the delegate was initialised with the account's trust.
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new VerifyingSocketFactory(delegate.getSocketFactory());
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException("client only");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return delegate.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return delegate.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }
    }

    /** Turns on host-name verification on every socket, before any handshake. */
    static final class VerifyingSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        VerifyingSocketFactory(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket verified(Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                ClientTls.verifyHostName(ssl);
            }
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws java.io.IOException {
            return verified(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket() throws java.io.IOException {
            return verified(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws java.io.IOException {
            return verified(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws java.io.IOException {
            return verified(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws java.io.IOException {
            return verified(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws java.io.IOException {
            return verified(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
