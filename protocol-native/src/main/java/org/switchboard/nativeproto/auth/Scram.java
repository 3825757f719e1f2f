package org.switchboard.nativeproto.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The SCRAM-SHA-256 functions of RFC 5802 §2.2 and RFC 7677. */
public final class Scram {

    public static final String MECHANISM = "SCRAM-SHA-256";
    /** RFC 7677 §4 asks for at least 4096. */
    public static final int MIN_ITERATIONS = 4096;
    /** The most a client will compute: about a second on a slow machine. */
    public static final int MAX_ITERATIONS = 1_000_000;
    /** "n,," base64: no channel binding, no authorisation identity. */
    static final String GS2_HEADER = "n,,";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Scram() {
    }

    /** Derives what a server stores for a password, with a fresh random salt. */
    public static ScramCredentials credentials(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return credentials(password, salt, iterations);
    }

    public static ScramCredentials credentials(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        return new ScramCredentials(salt, iterations, sha256(clientKey(salted)), serverKey(salted));
    }

    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        // SASLprep (RFC 4013) is mostly NFKC; the full profile's prohibitions are left out.
        char[] normalized = Normalizer.normalize(password, Normalizer.Form.NFKC).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(normalized, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(normalized, '\0');
        }
    }

    static byte[] clientKey(byte[] saltedPassword) {
        return hmac(saltedPassword, "Client Key");
    }

    static byte[] serverKey(byte[] saltedPassword) {
        return hmac(saltedPassword, "Server Key");
    }

    static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] unb64(String text) throws ScramException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ScramException("invalid base64 in SCRAM message");
        }
    }

    /** RFC 5802 saslname: ',' and '=' escaped. */
    static String escapeName(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    static String unescapeName(String name) throws ScramException {
        for (int i = name.indexOf('='); i >= 0; i = name.indexOf('=', i + 1)) {
            if (!name.startsWith("=2C", i) && !name.startsWith("=3D", i)) {
                throw new ScramException("invalid escape in user name");
            }
        }
        return name.replace("=2C", ",").replace("=3D", "=");
    }

    /** Splits "a=1,b=2" into its attributes, keeping their order; refuses anything else. */
    static Map<Character, String> attributes(String message) throws ScramException {
        Map<Character, String> result = new LinkedHashMap<>();
        for (String part : message.split(",", -1)) {
            if (part.length() < 2 || part.charAt(1) != '=') {
                throw new ScramException("malformed SCRAM message");
            }
            result.put(part.charAt(0), part.substring(2));
        }
        return result;
    }

    static String require(Map<Character, String> attributes, char name) throws ScramException {
        String value = attributes.get(name);
        if (value == null || value.isEmpty()) {
            throw new ScramException("SCRAM message lacks attribute " + name);
        }
        return value;
    }
}
