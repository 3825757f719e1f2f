package org.switchboard.nativeproto.auth;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a server keeps of a password (RFC 5802 §3): enough to check a login and to prove itself,
 * not enough to log in as the user.
 */
public record ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    public ScramCredentials {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(storedKey, "storedKey");
        Objects.requireNonNull(serverKey, "serverKey");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramCredentials c && iterations == c.iterations
                && Arrays.equals(salt, c.salt) && MessageDigest.isEqual(storedKey, c.storedKey)
                && MessageDigest.isEqual(serverKey, c.serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt) * 31 + iterations;
    }

    @Override
    public String toString() {
        return "ScramCredentials[iterations=" + iterations + ", keys hidden]";
    }
}
