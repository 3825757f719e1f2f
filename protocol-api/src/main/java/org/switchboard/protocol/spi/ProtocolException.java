package org.switchboard.protocol.spi;

import java.util.Objects;
import java.util.Optional;
import org.switchboard.protocol.model.CertificateInfo;

/**
 * The one failure of every protocol command and connection. The message is written for a
 * person to read; {@link #reason()} is for code to act on.
 */
public class ProtocolException extends Exception {

    /** What went wrong, in terms the app can act on. */
    public enum Reason {
        /** The server refused the user name or password. Retrying will not help. */
        AUTH_FAILED,
        /** The server's certificate is not trusted; {@link #certificate()} tells which one. */
        UNTRUSTED_CERTIFICATE,
        /** The command needs a connected session. */
        NOT_CONNECTED,
        /** The network could not be reached or the connection broke. Retrying may help. */
        NETWORK,
        /** No answer in time. Retrying may help. */
        TIMEOUT,
        /** The server failed to do it (its storage, a restart). Retrying later may help. */
        SERVER_ERROR,
        /** The server refused the request (no such contact, not allowed, …). */
        REJECTED,
        /** The server asks to slow down. */
        RATE_LIMITED,
        /** The provider or server does not offer this. */
        UNSUPPORTED,
        /** The input is not acceptable (empty, too large, malformed). */
        INVALID_INPUT,
        /** The peer broke the protocol. */
        PROTOCOL_ERROR,
        /** A bug or an unexpected state in the provider. */
        INTERNAL
    }

    private final Reason reason;
    private final transient CertificateInfo certificate;

    public ProtocolException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public ProtocolException(Reason reason, String message, Throwable cause) {
        this(reason, message, null, cause);
    }

    public ProtocolException(Reason reason, String message, CertificateInfo certificate,
                             Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.certificate = certificate;
    }

    public Reason reason() {
        return reason;
    }

    /** The rejected certificate, with reason {@link Reason#UNTRUSTED_CERTIFICATE}. */
    public Optional<CertificateInfo> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** Whether trying the same thing again later can succeed without the user changing anything. */
    public boolean isTransient() {
        return reason == Reason.NETWORK || reason == Reason.TIMEOUT || reason == Reason.RATE_LIMITED
                || reason == Reason.SERVER_ERROR;
    }

    /** Finds the ProtocolException in a future's failure, or wraps anything else as INTERNAL. */
    public static ProtocolException from(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof ProtocolException pe) {
                return pe;
            }
            t = t.getCause();
        }
        return new ProtocolException(Reason.INTERNAL, String.valueOf(failure), failure);
    }
}
