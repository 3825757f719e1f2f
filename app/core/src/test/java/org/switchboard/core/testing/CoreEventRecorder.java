package org.switchboard.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.event.CoreListener;

/**
 * Records what a core publishes, and waits for a matching event. Shipped in the test-jar for
 * the desktop's tests.
 */
public final class CoreEventRecorder implements CoreListener {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final List<CoreEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onCoreEvent(CoreEvent event) {
        events.add(event);
    }

    public List<CoreEvent> events() {
        return List.copyOf(events);
    }

    public <E extends CoreEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits until an event of the type that matches has been recorded (possibly already), and returns it. */
    public <E extends CoreEvent> E await(Class<E> type, Predicate<? super E> matches) {
        return await(type, matches, TIMEOUT);
    }

    public <E extends CoreEvent> E await(Class<E> type, Predicate<? super E> matches, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> find(type, matches), Optional::isPresent).orElseThrow();
    }

    public <E extends CoreEvent> Optional<E> find(Class<E> type, Predicate<? super E> matches) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(matches).findFirst();
    }

    /** Forgets what was recorded, to wait for something new. */
    public void clear() {
        events.clear();
    }
}
