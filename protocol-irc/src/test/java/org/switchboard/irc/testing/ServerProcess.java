package org.switchboard.irc.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/** A test server running as a child process in the foreground, started and stopped by a test. */
final class ServerProcess {

    private final String name;
    private final List<String> command;
    private final Path log;
    private final ProcessBuilder.Redirect input;
    private Process process;

    ServerProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.input = ProcessBuilder.Redirect.PIPE;
    }

    /** A check that the server is ready; may throw while it is not. */
    interface Readiness {
        boolean ready() throws IOException;
    }

    /** Starts the process and waits until {@code readyPort} on 127.0.0.1 accepts a connection. */
    void start(int readyPort, Duration timeout) throws IOException {
        startAndAwait(() -> {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", readyPort), 200);
                return true;
            }
        }, timeout);
    }

    /** Starts the process and waits until {@code readiness} says so. */
    void startAndAwait(Readiness readiness, Duration timeout) throws IOException {
        if (!Files.isExecutable(Path.of(command.getFirst()))) {
            throw new IOException(command.getFirst() + " is missing: install it with scripts/install-test-deps");
        }
        // Run in the server's own folder, so that whatever it writes there (a core dump included) goes with it.
        process = new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectInput(input).start();
        // The servers give no readiness signal but the port itself: the condition is polled.
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
                if (!process.isAlive()) {
                    throw new UncheckedIOException(new IOException(
                            name + " exited with " + process.exitValue() + ": " + tail()));
                }
                try {
                    return readiness.ready();
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (UncheckedIOException exited) {
            throw exited.getCause();
        } catch (ConditionTimeoutException e) {
            stop();
            throw new IOException(name + " was not ready within " + timeout + ": " + tail(), e);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the process (SIGTERM, then SIGKILL after five seconds) and waits for it to end. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    String tail() {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "";
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
