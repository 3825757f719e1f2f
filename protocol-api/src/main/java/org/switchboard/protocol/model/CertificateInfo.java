package org.switchboard.protocol.model;

import java.time.Instant;
import java.util.Objects;

/** What a user needs to decide whether to trust a server certificate. */
public record CertificateInfo(String sha256Fingerprint, String subject, String issuer,
                              Instant notAfter, String reason) {
    public CertificateInfo {
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
    }
}
