package org.switchboard.desktop.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.event.CoreListener;

/**
 * The one place where work crosses onto the JavaFX thread. Core events and UI continuations
 * queue up here; a single {@code Platform.runLater} drains whatever has queued, so a burst of
 * network events costs one hop, not one per event. Several unified-list snapshots in one
 * batch collapse into the last.
 */
public final class FxEventBridge implements CoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(FxEventBridge.class);

    private final Executor uiThread;
    private final Queue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Consumer<CoreEvent>> listeners = new CopyOnWriteArrayList<>();

    /** @param uiThread how to run the drain on the UI thread; tests pass a direct executor */
    public FxEventBridge(Executor uiThread) {
        this.uiThread = uiThread;
    }

    public static FxEventBridge forJavaFx() {
        return new FxEventBridge(Platform::runLater);
    }

    /** An executor that runs tasks on the UI thread, in order with the events. */
    public Executor fx() {
        return task -> {
            pending.add(task);
            schedule();
        };
    }

    /** Receives events on the UI thread until the handle is closed. */
    public AutoCloseable listen(Consumer<CoreEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void onCoreEvent(CoreEvent event) {
        pending.add(event);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<Object> batch = new ArrayList<>();
        for (Object item; (item = pending.poll()) != null; ) {
            batch.add(item);
        }
        int lastPeople = -1;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) instanceof CoreEvent.PeopleChanged) {
                lastPeople = i;
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            Object item = batch.get(i);
            if (item instanceof CoreEvent.PeopleChanged && i != lastPeople) {
                continue;
            }
            if (item instanceof Runnable task) {
                guarded(task, item);
            } else if (item instanceof CoreEvent event) {
                for (Consumer<CoreEvent> listener : listeners) {
                    guarded(() -> listener.accept(event), item);
                }
            }
        }
    }

    /** One broken view must not starve the others of the same update. */
    private static void guarded(Runnable work, Object item) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("UI update failed for {}", item, e);
        }
    }
}
