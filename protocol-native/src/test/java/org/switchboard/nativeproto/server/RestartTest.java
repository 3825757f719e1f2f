package org.switchboard.nativeproto.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.nativeproto.testing.TestServers.TIMEOUT;
import static org.switchboard.nativeproto.testing.TestServers.join;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.nativeproto.client.NativeProvider;
import org.switchboard.nativeproto.testing.TestServers;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.RosterReceived;
import org.switchboard.protocol.event.ProtocolEvent.SubscriptionRequested;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.model.Subscription;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Roster;

/** A server started again on its data folder is the same server. */
class RestartTest {

    @TempDir
    Path data;

    @Test
    void usersContactsQueuedMessagesRequestsAndTheCertificateSurviveARestart() throws Exception {
        String fingerprint;
        try (NativeServer first = TestServers.start(data)) {
            fingerprint = first.certificateSha256();
            first.ensureUser("alice", "alice-pw");
            first.ensureUser("bob", "bob-pw");
            first.ensureUser("carol", "carol-pw");
            first.befriend("alice", "bob");
            try (ProtocolSession alice = new NativeProvider().open(TestServers.account(first, "alice", "alice-pw"),
                    new EventRecorder())) {
                join(alice.connect());
                join(alice.capability(Messaging.class).orElseThrow().send(new OutgoingMessage(MessageId.newClientId(),
                        new ContactAddress(alice.account(), "bob"), "kept across restarts")));
                join(alice.capability(Roster.class).orElseThrow().add(new ContactAddress(alice.account(), "carol"),
                        "Carol", java.util.Set.of()));
            }
        }

        try (NativeServer second = TestServers.start(data)) {
            assertThat(second.certificateSha256()).isEqualTo(fingerprint);
            EventRecorder bobEvents = new EventRecorder();
            EventRecorder carolEvents = new EventRecorder();
            try (ProtocolSession bob = new NativeProvider().open(TestServers.account(second, "bob", "bob-pw"), bobEvents);
                 ProtocolSession carol = new NativeProvider().open(TestServers.account(second, "carol", "carol-pw"),
                         carolEvents)) {
                join(bob.connect());
                RosterReceived roster = bobEvents.await(RosterReceived.class, TIMEOUT);
                assertThat(roster.entries()).anyMatch(e -> e.address().handle().equals("alice")
                        && e.subscription() == Subscription.BOTH);
                bobEvents.await(MessageReceived.class, e -> e.message().body().equals("kept across restarts"), TIMEOUT);
                join(carol.connect());
                carolEvents.await(SubscriptionRequested.class, e -> e.from().handle().equals("alice"), TIMEOUT);
            }
        }
    }
}
