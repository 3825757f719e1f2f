package org.switchboard.core.account;

import java.time.Instant;
import java.util.Optional;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.CertificateInfo;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;

/**
 * What the user sees of an account's connection.
 *
 * @param error         the last failure's reason, when state is FAILED (or retrying)
 * @param errorMessage  readable text of that failure
 * @param certificate   the refused certificate when the reason is UNTRUSTED_CERTIFICATE
 * @param nextRetry     when the supervisor will try again, if it will
 */
public record AccountStatus(AccountId account, ConnectionState state, ProtocolException.Reason error,
                            String errorMessage, CertificateInfo certificate, Instant nextRetry) {

    public static AccountStatus of(AccountId account, ConnectionState state) {
        return new AccountStatus(account, state, null, null, null, null);
    }

    public Optional<ProtocolException.Reason> failure() {
        return Optional.ofNullable(error);
    }

    public Optional<CertificateInfo> untrustedCertificate() {
        return Optional.ofNullable(certificate);
    }

    public Optional<Instant> retryAt() {
        return Optional.ofNullable(nextRetry);
    }
}
