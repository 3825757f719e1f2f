package org.switchboard.nativeproto.auth;

/** A SCRAM exchange that cannot go on: a malformed message, a wrong proof, a false server. */
public class ScramException extends Exception {
    public ScramException(String message) {
        super(message);
    }
}
