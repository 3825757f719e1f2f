package org.switchboard.desktop.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.protocol.model.PresenceStatus;

class FxEventBridgeTest {

    /** A UI thread that runs only when the test says so, to see what one hop delivers. */
    private final List<Runnable> hops = new ArrayList<>();
    private final FxEventBridge bridge = new FxEventBridge(hops::add);

    @Test
    void aBurstOfEventsCostsOneHopAndKeepsItsOrder() {
        List<CoreEvent> seen = new ArrayList<>();
        bridge.listen(seen::add);
        CoreEvent first = new CoreEvent.OwnPresenceChanged(PresenceStatus.ONLINE);
        CoreEvent second = new CoreEvent.OwnPresenceChanged(PresenceStatus.OFFLINE);

        bridge.onCoreEvent(first);
        bridge.onCoreEvent(second);

        assertThat(hops).hasSize(1);
        assertThat(seen).isEmpty();
        hops.removeFirst().run();
        assertThat(seen).containsExactly(first, second);
    }

    @Test
    void onlyTheLastContactListSnapshotOfABatchIsDelivered() {
        List<CoreEvent> seen = new ArrayList<>();
        bridge.listen(seen::add);
        CoreEvent.PeopleChanged old = new CoreEvent.PeopleChanged(List.of());
        CoreEvent presence = new CoreEvent.OwnPresenceChanged(PresenceStatus.ONLINE);
        CoreEvent.PeopleChanged latest = new CoreEvent.PeopleChanged(List.of());

        bridge.onCoreEvent(old);
        bridge.onCoreEvent(presence);
        bridge.onCoreEvent(latest);
        hops.removeFirst().run();

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isSameAs(presence);
        assertThat(seen.get(1)).isSameAs(latest);
    }

    @Test
    void tasksRunInOrderWithEventsAndAListenerThatThrowsStopsNothing() throws Exception {
        List<Object> seen = new ArrayList<>();
        bridge.listen(e -> {
            throw new IllegalStateException("broken view");
        });
        bridge.listen(seen::add);
        CoreEvent event = new CoreEvent.OwnPresenceChanged(PresenceStatus.ONLINE);

        bridge.fx().execute(() -> seen.add("task before"));
        bridge.onCoreEvent(event);
        bridge.fx().execute(() -> seen.add("task after"));
        hops.removeFirst().run();

        assertThat(seen).containsExactly("task before", event, "task after");
    }

    @Test
    void aClosedListenerHearsNothingMore() throws Exception {
        List<CoreEvent> seen = new ArrayList<>();
        AutoCloseable handle = bridge.listen(seen::add);
        handle.close();
        bridge.onCoreEvent(new CoreEvent.OwnPresenceChanged(PresenceStatus.ONLINE));
        hops.removeFirst().run();
        assertThat(seen).isEmpty();
    }
}
