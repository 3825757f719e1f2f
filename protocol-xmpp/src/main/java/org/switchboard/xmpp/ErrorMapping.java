package org.switchboard.xmpp;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.tls.ClientTls;

/** Turns Smack's exceptions into {@link ProtocolException}s a person can read. */
final class ErrorMapping {

    private ErrorMapping() {
    }

    /** A failure of connect-and-login; certificate trouble is named with the refused certificate. */
    static ProtocolException login(Throwable failure, ClientTls tls, String domain) {
        if (failure instanceof ProtocolException pe) {
            return pe;
        }
        if (causedBy(failure, SSLException.class).isPresent() || causedBy(failure, CertificateException.class).isPresent()) {
            Optional<ProtocolException> untrusted = tls.untrusted(domain, failure);
            if (untrusted.isPresent()) {
                return untrusted.get();
            }
            if (causedBy(failure, CertificateException.class).isPresent()) {
                return new ProtocolException(Reason.UNTRUSTED_CERTIFICATE,
                        "The certificate of " + domain + " does not name " + domain + ": " + failure.getMessage(), failure);
            }
        }
        if (causedBy(failure, SASLErrorException.class).isPresent()
                || failure instanceof SmackException.SmackSaslException) {
            return new ProtocolException(Reason.AUTH_FAILED,
                    "The server refused the address or password of " + domain + " (" + failure.getMessage() + ")", failure);
        }
        if (failure instanceof SmackException.SecurityRequiredException) {
            return new ProtocolException(Reason.PROTOCOL_ERROR,
                    "The server " + domain + " does not offer encryption; Switchboard needs it", failure);
        }
        if (failure instanceof SmackException.EndpointConnectionException) {
            return new ProtocolException(Reason.NETWORK, "Cannot reach " + domain + ": " + failure.getMessage(), failure);
        }
        return of(failure);
    }

    /** A failure of a command on a live connection. */
    static ProtocolException of(Throwable failure) {
        if (failure instanceof ProtocolException pe) {
            return pe;
        }
        if (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            return of(failure.getCause());
        }
        if (failure instanceof SmackException.NotConnectedException || failure instanceof SmackException.NotLoggedInException) {
            return new ProtocolException(Reason.NOT_CONNECTED, "Not connected to the server", failure);
        }
        if (failure instanceof SmackException.NoResponseException) {
            return new ProtocolException(Reason.TIMEOUT, "The server did not answer in time", failure);
        }
        if (failure instanceof XMPPException.XMPPErrorException error) {
            return ofStanzaError(error.getStanzaError(), failure);
        }
        if (failure instanceof XMPPException.StreamErrorException stream) {
            return new ProtocolException(Reason.NETWORK, "The server closed the stream: "
                    + stream.getStreamError().getCondition(), failure);
        }
        if (failure instanceof IOException) {
            return new ProtocolException(Reason.NETWORK, "The connection failed: " + failure.getMessage(), failure);
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ProtocolException(Reason.INTERNAL, "Interrupted", failure);
        }
        if (failure instanceof SmackException || failure instanceof XMPPException) {
            return new ProtocolException(Reason.PROTOCOL_ERROR, "XMPP failure: " + failure.getMessage(), failure);
        }
        return new ProtocolException(Reason.INTERNAL, "Unexpected failure: " + failure, failure);
    }

    static ProtocolException ofStanzaError(StanzaError error, Throwable cause) {
        String text = error.getDescriptiveText() == null ? "" : ": " + error.getDescriptiveText();
        Reason reason = switch (error.getCondition()) {
            case feature_not_implemented, service_unavailable -> Reason.UNSUPPORTED;
            case internal_server_error, remote_server_timeout, remote_server_not_found -> Reason.SERVER_ERROR;
            case resource_constraint, policy_violation -> Reason.RATE_LIMITED;
            case bad_request, jid_malformed, not_acceptable -> Reason.INVALID_INPUT;
            default -> Reason.REJECTED;
        };
        return new ProtocolException(reason, "The server refused: " + error.getCondition() + text, cause);
    }

    private static <T extends Throwable> Optional<T> causedBy(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
