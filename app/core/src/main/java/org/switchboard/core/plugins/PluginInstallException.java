package org.switchboard.core.plugins;

/** A jar the user chose could not be installed; {@link #reason()} says why, for the UI to translate. */
public final class PluginInstallException extends Exception {

    public enum Reason {
        /** Not a file ending in {@code .jar}, or not a readable jar. */
        NOT_A_JAR,
        /** A plugin with that file name is installed already. */
        ALREADY_INSTALLED,
        /** Copying into the plugins folder failed. */
        COPY_FAILED
    }

    private final Reason reason;

    public PluginInstallException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
