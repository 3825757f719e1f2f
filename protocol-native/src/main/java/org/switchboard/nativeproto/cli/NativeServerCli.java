package org.switchboard.nativeproto.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.switchboard.nativeproto.server.NativeServer;
import org.switchboard.protocol.tls.Certificates;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The standalone server: {@code serve}, {@code adduser NAME}, {@code passwd NAME}. */
@Command(name = "switchboard-native-server", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "Switchboard's native protocol server.",
        subcommands = {NativeServerCli.Serve.class, NativeServerCli.AddUser.class, NativeServerCli.Passwd.class})
public final class NativeServerCli {

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/switchboard/nativeproto/cli/server-logback.xml");
        }
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return new CommandLine(new NativeServerCli()).execute(args);
    }

    @Command(name = "serve", description = "Runs the server until it is stopped (Ctrl+C or SIGTERM).")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "Data folder (database, certificate).")
        Path data;
        @Option(names = "--port", defaultValue = "5290", description = "TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
        int port;
        @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
        String bind;
        @Option(names = "--host-name", defaultValue = "localhost",
                description = "Name for a generated certificate, besides localhost and 127.0.0.1.")
        String hostName;
        @Option(names = "--keystore", description = "PKCS12 key store to use instead of a generated certificate.")
        Path keyStore;
        @Option(names = "--keystore-password-env", defaultValue = "SWITCHBOARD_KEYSTORE_PASSWORD",
                description = "Environment variable holding the key store's password.")
        String keyStorePasswordEnv;
        @Option(names = "--allow-registration", description = "Let clients create accounts.")
        boolean allowRegistration;
        @Option(names = "--scram-iterations", defaultValue = "" + NativeServer.DEFAULT_SCRAM_ITERATIONS,
                description = "PBKDF2 iterations for new passwords (at least 4096); adduser and passwd use the "
                        + "count the server last ran with. Default: ${DEFAULT-VALUE}.")
        int scramIterations;

        @Override
        public Integer call() throws Exception {
            NativeServer.Builder builder = NativeServer.builder(data)
                    .bind(new InetSocketAddress(InetAddress.getByName(bind), port))
                    .hostName(hostName).allowRegistration(allowRegistration).scramIterations(scramIterations);
            if (keyStore != null) {
                String password = System.getenv(keyStorePasswordEnv);
                if (password == null) {
                    System.err.println("Set " + keyStorePasswordEnv + " to the key store's password.");
                    return 2;
                }
                builder.keyStore(keyStore, password.toCharArray());
            }
            NativeServer server = builder.start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "native-server-shutdown"));
            System.out.println("Listening on " + server.address() + " — certificate SHA-256 "
                    + Certificates.display(server.certificateSha256()));
            System.out.flush();
            stopped.await();
            return 0;
        }
    }

    /** adduser and passwd: both read a password and store its SCRAM keys, one creating the user. */
    abstract static class PasswordCommand implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "Data folder.")
        Path data;
        @Parameters(index = "0", description = "User name.")
        String name;

        abstract boolean creates();

        abstract String refusal();

        abstract String success();

        @Override
        public Integer call() throws IOException {
            String password = readPassword();
            if (password == null) {
                return 2;
            }
            if (!NativeServer.setPassword(data, name, password, creates())) {
                System.err.println(refusal());
                return 1;
            }
            System.out.println(success());
            return 0;
        }
    }

    @Command(name = "adduser", description = "Creates a user; reads the password from the console or stdin.")
    static final class AddUser extends PasswordCommand {
        @Override
        boolean creates() {
            return true;
        }

        @Override
        String refusal() {
            return "The user " + name + " exists already; use passwd.";
        }

        @Override
        String success() {
            return "Created " + name + ".";
        }
    }

    @Command(name = "passwd", description = "Sets a user's password; reads it from the console or stdin.")
    static final class Passwd extends PasswordCommand {
        @Override
        boolean creates() {
            return false;
        }

        @Override
        String refusal() {
            return "There is no user " + name + "; use adduser.";
        }

        @Override
        String success() {
            return "Changed the password of " + name + ".";
        }
    }

    /** From the console without echo when there is one, else the first line of stdin (for scripts). */
    static String readPassword() throws IOException {
        Console console = System.console();
        String password;
        if (console != null && console.isTerminal()) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                System.err.println("The passwords differ.");
                return null;
            }
            password = new String(first);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            System.err.println("No password given.");
            return null;
        }
        return password;
    }
}
