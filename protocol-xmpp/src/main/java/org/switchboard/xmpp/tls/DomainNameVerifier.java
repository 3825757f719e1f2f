package org.switchboard.xmpp.tls;

import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.switchboard.protocol.tls.Certificates;

/**
 * Smack's host-name check after the handshake: the certificate must name the XMPP domain
 * (RFC 6125 DNS-ID, one leading wildcard label allowed), unless the user pinned exactly this
 * certificate. The trust manager already checked the name during the handshake; this is the
 * second lock Smack insists on.
 */
public final class DomainNameVerifier implements HostnameVerifier {

    private final Set<String> pins;

    public DomainNameVerifier(Set<String> pins) {
        this.pins = Set.copyOf(pins);
    }

    @Override
    public boolean verify(String domain, SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                return false;
            }
            if (pins.contains(Certificates.sha256(leaf))) {
                return true;
            }
            return names(leaf).stream().anyMatch(name -> matches(name, domain));
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    private static List<String> names(X509Certificate leaf) {
        try {
            var alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives == null) {
                return List.of();
            }
            return alternatives.stream().filter(n -> (Integer) n.get(0) == 2).map(n -> n.get(1).toString()).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    static boolean matches(String pattern, String domain) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = d.indexOf('.');
            return dot > 0 && d.substring(dot + 1).equals(p.substring(2));
        }
        return p.equals(d);
    }
}
