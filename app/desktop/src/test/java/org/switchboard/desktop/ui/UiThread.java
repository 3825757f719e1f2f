package org.switchboard.desktop.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.switchboard.desktop.fx.FxEventBridge;

/**
 * A stand-in UI thread for view-model tests: one ordinary thread plays the JavaFX thread, so
 * view models run exactly as in the app (one thread, events batched through the bridge)
 * without a toolkit.
 */
public final class UiThread implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final FxEventBridge bridge = new FxEventBridge(thread);

    public FxEventBridge bridge() {
        return bridge;
    }

    /** Runs on the UI thread and returns the result; reads of view-model state go through here. */
    public <T> T call(Callable<T> work) {
        try {
            return thread.submit(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("UI task failed", e);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
