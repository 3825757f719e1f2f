package org.switchboard.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.event.CoreListener;

/**
 * The core's subscribers. Confined to the core thread: a subscription is added there, after its
 * listener received the current state, so it can neither miss a change nor see one twice.
 */
public final class ListenerHub {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerHub.class);

    private final CoreThread core;
    private final List<CoreListener> listeners = new ArrayList<>();

    public ListenerHub(CoreThread core) {
        this.core = core;
    }

    public AutoCloseable subscribe(CoreListener listener, Supplier<List<CoreEvent>> currentState) {
        core.execute(() -> {
            currentState.get().forEach(event -> deliver(listener, event));
            listeners.add(listener);
        });
        return () -> core.execute(() -> listeners.remove(listener));
    }

    /** Publishes a change to every subscriber; call on the core thread. */
    public void publish(CoreEvent event) {
        for (CoreListener listener : List.copyOf(listeners)) {
            deliver(listener, event);
        }
    }

    private static void deliver(CoreListener listener, CoreEvent event) {
        try {
            listener.onCoreEvent(event);
        } catch (RuntimeException e) {
            LOG.error("a core listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }
}
