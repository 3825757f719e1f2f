package org.switchboard.desktop;

import java.nio.file.Path;
import java.util.Optional;
import org.switchboard.core.CoreOptions;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.profile.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of the desktop app. */
@Command(name = "switchboard", mixinStandardHelpOptions = true, versionProvider = LaunchOptions.Version.class,
        description = "Switchboard: XMPP, IRC and Switchboard chat in one window.")
public final class LaunchOptions {

    @Option(names = "--profile", paramLabel = "DIR",
            description = "Keep everything Switchboard writes in DIR (default: the XDG folders).")
    Path profile;

    @Option(names = "--demo", paramLabel = "MODE", defaultValue = "AUTO",
            description = "Local demo server: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: on when no account is set up).")
    DemoMode demo;

    @Option(names = "--language", paramLabel = "LANG", description = "Override the language: en, zh-CN, zh-TW.")
    String language;

    public Optional<Path> profile() {
        return Optional.ofNullable(profile);
    }

    public DemoMode demo() {
        return demo;
    }

    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /** The core's options for this command line (profile folder or XDG, demo mode). */
    public CoreOptions coreOptions() {
        return CoreOptions.of(Profile.resolve(profile()), demo());
    }

    /** Parses arguments; returns empty after printing help, the version or an error. */
    public static Optional<LaunchOptions> parse(String... args) {
        LaunchOptions options = new LaunchOptions();
        CommandLine cli = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
        try {
            CommandLine.ParseResult result = cli.parseArgs(args);
            if (CommandLine.printHelpIfRequested(result)) {
                return Optional.empty();
            }
            return Optional.of(options);
        } catch (CommandLine.ParameterException e) {
            cli.getErr().println(e.getMessage());
            cli.usage(cli.getErr());
            return Optional.empty();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LaunchOptions.class.getPackage().getImplementationVersion();
            return new String[] {"Switchboard " + (v == null ? "development build" : v)};
        }
    }
}
