package org.switchboard.nativeproto.auth;

import java.security.MessageDigest;
import java.util.Map;

/**
 * The client side of one SCRAM-SHA-256 exchange: {@link #clientFirst()},
 * {@link #clientFinal(String)}, {@link #verifyServerFinal(String)}, in that order.
 */
public final class ScramClient {

    private final String user;
    private final String password;
    private final String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    public ScramClient(String user, String password) {
        this(user, password, Scram.nonce());
    }

    /** With a given nonce, for test vectors; real logins use a random one. */
    public ScramClient(String user, String password, String clientNonce) {
        this.user = user;
        this.password = password;
        this.clientNonce = clientNonce;
    }

    public String clientFirst() {
        clientFirstBare = "n=" + Scram.escapeName(user) + ",r=" + clientNonce;
        return Scram.GS2_HEADER + clientFirstBare;
    }

    /** Answers the server-first message with the client-final message (carrying the proof). */
    public String clientFinal(String serverFirst) throws ScramException {
        Map<Character, String> attributes = Scram.attributes(serverFirst);
        if (attributes.containsKey('m')) {
            throw new ScramException("server asks for an unsupported SCRAM extension");
        }
        String nonce = Scram.require(attributes, 'r');
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new ScramException("server nonce does not extend the client nonce");
        }
        byte[] salt = Scram.unb64(Scram.require(attributes, 's'));
        int iterations;
        try {
            iterations = Integer.parseInt(Scram.require(attributes, 'i'));
        } catch (NumberFormatException e) {
            throw new ScramException("iteration count is not a number");
        }
        if (iterations < Scram.MIN_ITERATIONS) {
            // A server (or someone in its place) asking for cheap hashes weakens the password.
            throw new ScramException("server asks for only " + iterations + " iterations");
        }
        if (iterations > Scram.MAX_ITERATIONS) {
            // Hours of hashing before the login could even fail: refuse instead of hanging.
            throw new ScramException("server asks for " + iterations + " iterations; the most this client does is "
                    + Scram.MAX_ITERATIONS);
        }
        String withoutProof = "c=" + Scram.b64(Scram.GS2_HEADER.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] salted = Scram.saltedPassword(password, salt, iterations);
        byte[] clientKey = Scram.clientKey(salted);
        byte[] signature = Scram.hmac(Scram.sha256(clientKey), authMessage);
        expectedServerSignature = Scram.hmac(Scram.serverKey(salted), authMessage);
        return withoutProof + ",p=" + Scram.b64(Scram.xor(clientKey, signature));
    }

    /** Checks that the server knew the password's keys; throws if it did not. */
    public void verifyServerFinal(String serverFinal) throws ScramException {
        Map<Character, String> attributes = Scram.attributes(serverFinal);
        if (attributes.containsKey('e')) {
            throw new ScramException("server refused the login: " + attributes.get('e'));
        }
        byte[] signature = Scram.unb64(Scram.require(attributes, 'v'));
        if (expectedServerSignature == null || !MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new ScramException("the server's signature is wrong: it does not know this account");
        }
    }
}
