package org.switchboard.desktop;

import javafx.application.Application;

/** Starts the desktop app. A plain class, so the class path launch works without JavaFX modules. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        java.util.Optional<LaunchOptions> options = LaunchOptions.parse(args);
        if (options.isEmpty()) {
            boolean askedForHelp = java.util.Arrays.stream(args)
                    .anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version"));
            System.exit(askedForHelp ? 0 : 2);
        }
        EarlyCoreOpen.begin(options.get().coreOptions());
        System.setProperty("javafx.preloader", OpeningPreloader.class.getName());
        Application.launch(SwitchboardApp.class, args);
    }
}
