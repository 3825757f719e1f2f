package org.switchboard.core.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.MessageAdded;
import org.switchboard.core.event.CoreEvent.RoomArchiveFetched;
import org.switchboard.core.testing.TestCore;
import org.switchboard.core.testing.XmppAccounts;
import org.switchboard.core.testing.XmppAccounts.Bare;
import org.switchboard.protocol.event.ProtocolEvent.RoomMessageReceived;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingRoomMessage;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.spi.capability.GroupChat;
import org.switchboard.xmpp.testing.ProsodyServer;

/**
 * A room the app rejoins after a restart is caught up from the room's archive (MUC MAM on a real
 * Prosody), past the few messages the room replays on join: everything said while the app was
 * closed is in history once each, in order.
 */
class RoomArchiveCatchUpTest {

    /** More than Prosody replays on join (20), so only the archive can bring them all. */
    private static final int MISSED = 30;
    private static ProsodyServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aRejoinedRoomGetsEverythingSaidWhileTheAppWasClosedOnce() throws Exception {
        String name = "catchup" + ProcessHandle.current().pid();
        RoomAddress annRoom;
        try (Bare ben = Bare.connect(server, "roomben")) {
            GroupChat benRooms = ben.session().capability(GroupChat.class).orElseThrow();
            RoomAddress benRoom = benRooms.room(name);
            try (TestCore ann = TestCore.open(dir.resolve("ann"), DemoMode.OFF)) {
                Account account = XmppAccounts.addConnected(ann, server.newAccount("roomann"));
                annRoom = ann.core().rooms().join(account.id(), name, null, null).join();
                XmppAccounts.join(benRooms.join(benRoom, null, null));
                XmppAccounts.join(benRooms.send(new OutgoingRoomMessage(MessageId.newClientId(), benRoom, "before")));
                ann.events().await(MessageAdded.class, e -> e.message().body().equals("before"));
            }

            List<String> missed = IntStream.range(0, MISSED).mapToObj(i -> "while closed " + i).toList();
            for (String body : missed) {
                XmppAccounts.join(benRooms.send(new OutgoingRoomMessage(MessageId.newClientId(), benRoom, body)));
            }
            ben.events().await(RoomMessageReceived.class, e -> e.message().body().equals(missed.getLast()),
                    XmppAccounts.TIMEOUT);

            try (TestCore ann = TestCore.open(dir.resolve("ann"), DemoMode.OFF)) {
                ann.core().start().join();
                ann.events().await(RoomArchiveFetched.class, e -> e.room().equals(annRoom));
                List<String> expected = new ArrayList<>();
                expected.add("before");
                expected.addAll(missed);
                List<String> stored = ann.core().conversations().recent(new ConversationId(annRoom), 200).join()
                        .stream().map(StoredMessage::body).toList();
                assertThat(stored).as("each once, in the order they were said").isEqualTo(expected);
            }
        }
    }
}
