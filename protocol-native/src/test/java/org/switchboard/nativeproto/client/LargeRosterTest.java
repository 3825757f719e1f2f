package org.switchboard.nativeproto.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.nativeproto.testing.TestServers.TIMEOUT;
import static org.switchboard.nativeproto.testing.TestServers.join;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.server.NativeServer;
import org.switchboard.nativeproto.server.ServerLimits;
import org.switchboard.nativeproto.testing.TestServers;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.event.ProtocolEvent.RosterReceived;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.capability.Roster;

/** A contact list larger than one frame reaches the app whole: the client follows the pages. */
class LargeRosterTest {

    @TempDir
    Path data;

    @Test
    void aRosterSpanningManyFramesArrivesWhole() throws Exception {
        // Small frames make a few dozen contacts span several pages.
        try (NativeServer server = TestServers.start(data, ServerLimits.DEFAULTS.withFrameLimits(4 * 1024, 2 * 1024))) {
            server.ensureUser("alice", "alice-pw");
            int contacts = 80;
            for (int i = 0; i < contacts; i++) {
                String friend = "friend-with-a-rather-long-name-%03d".formatted(i);
                server.ensureUser(friend, "pw-" + i);
                server.befriend("alice", friend);
            }
            EventRecorder events = new EventRecorder();
            try (ProtocolSession alice = new NativeProvider().open(TestServers.account(server, "alice", "alice-pw"), events)) {
                join(alice.connect());

                RosterReceived roster = events.await(RosterReceived.class, TIMEOUT);
                assertThat(roster.entries()).hasSize(contacts);
                assertThat(alice.capability(Roster.class).orElseThrow().entries()).hasSize(contacts);
            }
        }
    }
}
