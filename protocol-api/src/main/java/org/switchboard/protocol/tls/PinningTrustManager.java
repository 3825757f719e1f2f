package org.switchboard.protocol.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server when its leaf certificate is one the user pinned, and otherwise exactly when
 * the PKIX trust manager it wraps does (which also checks the host name when the socket's
 * endpoint identification algorithm is set). Remembers the last chain it rejected, so that a
 * session can show the user what it refused.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;
    private final Set<String> pinnedSha256;
    private final AtomicReference<Rejection> lastRejection = new AtomicReference<>();

    /** A refused chain and why. */
    public record Rejection(X509Certificate leaf, String reason) {
    }

    PinningTrustManager(X509ExtendedTrustManager pkix, Set<String> pinnedSha256) {
        this.pkix = pkix;
        this.pinnedSha256 = Set.copyOf(pinnedSha256);
    }

    public Optional<Rejection> lastRejection() {
        return Optional.ofNullable(lastRejection.get());
    }

    private boolean pinned(X509Certificate[] chain) {
        return chain != null && chain.length > 0
                && pinnedSha256.contains(Certificates.sha256(chain[0]));
    }

    private CertificateException rejected(X509Certificate[] chain, CertificateException e) {
        if (chain != null && chain.length > 0) {
            lastRejection.set(new Rejection(chain[0], e.getMessage()));
        }
        return e;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (pinned(chain)) {
            return;
        }
        try {
            pkix.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw rejected(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (pinned(chain)) {
            return;
        }
        try {
            pkix.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw rejected(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
            throws CertificateException {
        if (pinned(chain)) {
            return;
        }
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw rejected(chain, e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
            throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
