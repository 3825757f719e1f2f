package org.switchboard.nativeproto.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server side of one SCRAM-SHA-256 exchange. For an unknown user it goes on with made-up
 * credentials and fails only at the proof, so that a login does not reveal which names exist.
 */
public final class ScramServer {

    /** The first message's user, before the lookup; the caller decides about lockouts with it. */
    public record ClientFirst(String user, String clientNonce, String bare) {
    }

    private final String serverNonce;
    private ClientFirst first;
    private ScramCredentials credentials;
    private boolean known;
    private String serverFirst;

    public ScramServer() {
        this(Scram.nonce());
    }

    /** With a given nonce part, for test vectors. */
    public ScramServer(String serverNonce) {
        this.serverNonce = serverNonce;
    }

    public static ClientFirst parseClientFirst(String message) throws ScramException {
        if (!message.startsWith(Scram.GS2_HEADER)) {
            // "y,," or "p=..." would ask for channel binding, which this server does not offer.
            throw new ScramException("only the GS2 header \"n,,\" is supported");
        }
        String bare = message.substring(Scram.GS2_HEADER.length());
        Map<Character, String> attributes = Scram.attributes(bare);
        if (attributes.containsKey('m')) {
            throw new ScramException("unsupported SCRAM extension");
        }
        return new ClientFirst(Scram.unescapeName(Scram.require(attributes, 'n')),
                Scram.require(attributes, 'r'), bare);
    }

    /**
     * Starts the exchange: {@code lookup} finds the user's credentials; {@code decoy} makes stable
     * fake ones for a user that does not exist. Returns the server-first message.
     */
    public String serverFirst(ClientFirst clientFirst, Function<String, Optional<ScramCredentials>> lookup,
                              Function<String, ScramCredentials> decoy) {
        this.first = clientFirst;
        Optional<ScramCredentials> found = lookup.apply(clientFirst.user());
        known = found.isPresent();
        credentials = found.orElseGet(() -> decoy.apply(clientFirst.user()));
        serverFirst = "r=" + clientFirst.clientNonce() + serverNonce + ",s=" + Scram.b64(credentials.salt())
                + ",i=" + credentials.iterations();
        return serverFirst;
    }

    /** Checks the client's proof; returns the server-final message, or throws for a wrong password. */
    public String serverFinal(String clientFinal) throws ScramException {
        if (serverFirst == null) {
            throw new ScramException("client-final before client-first");
        }
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new ScramException("client-final message has no proof");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        Map<Character, String> attributes = Scram.attributes(withoutProof);
        String binding = Scram.require(attributes, 'c');
        String expectedBinding = Scram.b64(Scram.GS2_HEADER.getBytes(StandardCharsets.US_ASCII));
        if (!binding.equals(expectedBinding)) {
            throw new ScramException("channel binding does not match the GS2 header");
        }
        if (!Scram.require(attributes, 'r').equals(first.clientNonce() + serverNonce)) {
            throw new ScramException("nonce does not match");
        }
        byte[] proof = Scram.unb64(clientFinal.substring(proofAt + 3));
        String authMessage = first.bare() + "," + serverFirst + "," + withoutProof;
        byte[] storedKey = credentials.storedKey();
        byte[] signature = Scram.hmac(storedKey, authMessage);
        if (proof.length != signature.length) {
            throw new ScramException("wrong password");
        }
        byte[] clientKey = Scram.xor(proof, signature);
        boolean matches = MessageDigest.isEqual(Scram.sha256(clientKey), storedKey);
        if (!matches || !known) {
            throw new ScramException("wrong password");
        }
        return "v=" + Scram.b64(Scram.hmac(credentials.serverKey(), authMessage));
    }

    /** The user of the exchange, once the client-first message was read. */
    public String user() {
        return first == null ? null : first.user();
    }
}
