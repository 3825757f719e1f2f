package org.switchboard.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.switchboard.core.CoreOptions;
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.profile.Profile;

/**
 * Opens the profile (SQLite, JSON files, providers: about a second of class loading) on its own
 * thread while JavaFX starts its toolkit, so the two overlap on a multi-core machine. JavaFX
 * makes the Application itself and gives it no constructor arguments, so {@link Main} hands the
 * opening over through this one-shot holder; an app started any other way opens the profile in
 * {@code init()}.
 */
final class EarlyCoreOpen {

    /** A profile being opened, for the options it was opened with. */
    private record Pending(CoreOptions options, CompletableFuture<SwitchboardCore> core) {
    }

    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

    private EarlyCoreOpen() {
    }

    static void begin(CoreOptions options) {
        CompletableFuture<SwitchboardCore> core = new CompletableFuture<>();
        Thread.ofPlatform().name("switchboard-open-profile").daemon(true).start(() -> {
            try {
                core.complete(open(options));
            } catch (IOException | RuntimeException e) {
                core.completeExceptionally(e);
            }
        });
        PENDING.set(new Pending(options, core));
    }

    /** The core opened early for exactly these options, if {@link #begin} was called for them. */
    static Optional<SwitchboardCore> take(CoreOptions options) throws IOException {
        Pending pending = PENDING.getAndSet(null);
        if (pending == null || !pending.options().equals(options)) {
            return Optional.empty();
        }
        try {
            return Optional.of(pending.core().get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the profile", e);
        }
    }

    static SwitchboardCore open(CoreOptions options) throws IOException {
        Profile profile = options.profile();
        Files.createDirectories(profile.configDir());
        Files.createDirectories(profile.dataDir());
        return SwitchboardCore.open(options);
    }
}
