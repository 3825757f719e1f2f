package org.switchboard.desktop;

import javafx.application.Application;

/** Starts the desktop app. A plain class, so the class path launch works without JavaFX modules. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (LaunchOptions.parse(args).isEmpty()) {
            boolean askedForHelp = java.util.Arrays.stream(args)
                    .anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version"));
            System.exit(askedForHelp ? 0 : 2);
        }
        Application.launch(SwitchboardApp.class, args);
    }
}
