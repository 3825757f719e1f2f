package org.switchboard.desktop.rooms;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The readable message of a failed future: the cause's, not its wrapper's. */
final class Failures {

    private Failures() {
    }

    static String message(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
