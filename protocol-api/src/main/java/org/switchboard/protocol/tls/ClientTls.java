package org.switchboard.protocol.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.switchboard.protocol.model.CertificateInfo;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolException;

/**
 * The client side of TLS for every provider: the system's trusted authorities, plus the
 * authorities in an account's {@value #CA_FILE} (a private CA, such as a test CA), plus the
 * certificates the user pinned. Host names are always verified, except for a pinned leaf.
 */
public final class ClientTls {

    /** Account setting: path of a PEM file of extra trusted authorities. */
    public static final String CA_FILE = "tls.ca-file";

    private final SSLContext context;
    private final PinningTrustManager trustManager;

    private ClientTls(SSLContext context, PinningTrustManager trustManager) {
        this.context = context;
        this.trustManager = trustManager;
    }

    public static ClientTls forAccount(AccountConfig config) throws ProtocolException {
        try {
            List<X509Certificate> extra = new ArrayList<>();
            Optional<String> caFile = config.setting(CA_FILE);
            if (caFile.isPresent()) {
                extra.addAll(Certificates.read(Path.of(caFile.get())));
            }
            return create(extra, config.pinnedCertificates());
        } catch (IOException | GeneralSecurityException e) {
            throw new ProtocolException(ProtocolException.Reason.INVALID_INPUT,
                    "Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    static ClientTls create(List<X509Certificate> extraAuthorities, Set<String> pins)
            throws GeneralSecurityException, IOException {
        KeyStore anchors = null;
        if (!extraAuthorities.isEmpty()) {
            anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            KeyStore system = systemTrustStore();
            int i = 0;
            if (system != null) {
                for (String alias : java.util.Collections.list(system.aliases())) {
                    if (system.isCertificateEntry(alias)) {
                        anchors.setCertificateEntry("system-" + i++, system.getCertificate(alias));
                    }
                }
            }
            for (X509Certificate ca : extraAuthorities) {
                anchors.setCertificateEntry("extra-" + i++, ca);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        X509ExtendedTrustManager pkix = null;
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                pkix = x;
            }
        }
        if (pkix == null) {
            throw new GeneralSecurityException("no X509 trust manager available");
        }
        PinningTrustManager trust = new PinningTrustManager(pkix, pins);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        return new ClientTls(context, trust);
    }

    private static KeyStore systemTrustStore() throws GeneralSecurityException, IOException {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        if (!java.nio.file.Files.isReadable(cacerts)) {
            return null;
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try (var in = java.nio.file.Files.newInputStream(cacerts)) {
            ks.load(in, null);
        }
        return ks;
    }

    public SSLContext context() {
        return context;
    }

    /** Turns on host-name verification for a client socket; call before the handshake. */
    public static void verifyHostName(SSLSocket socket) {
        SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
    }

    /**
     * After a failed handshake: an UNTRUSTED_CERTIFICATE exception naming the refused
     * certificate if trust was the cause, else empty.
     */
    public Optional<ProtocolException> untrusted(String host, Throwable handshakeFailure) {
        return trustManager.lastRejection().map(r -> {
            CertificateInfo info = Certificates.describe(r.leaf(), r.reason());
            return new ProtocolException(ProtocolException.Reason.UNTRUSTED_CERTIFICATE,
                    "The certificate of " + host + " is not trusted (" + r.reason() + "). SHA-256: "
                            + Certificates.display(info.sha256Fingerprint()),
                    info, handshakeFailure);
        });
    }
}
