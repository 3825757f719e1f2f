package org.switchboard.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.irc.Sessions.TIMEOUT;
import static org.switchboard.irc.Sessions.join;
import static org.switchboard.irc.Sessions.unique;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.irc.Sessions.Client;
import org.switchboard.irc.testing.NgircdServer;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.RoomMessageReceived;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.model.OutgoingRoomMessage;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.spi.capability.GroupChat;
import org.switchboard.protocol.spi.capability.Messaging;

/** A Switchboard session and an independent client (a raw-socket Python script) talk in a channel and privately. */
class IrcInteropTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static NgircdServer server;
    private final Sessions sessions = new Sessions();
    private Process peer;

    @BeforeAll
    static void startServer() throws Exception {
        server = NgircdServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void stop() {
        sessions.close();
        if (peer != null) {
            peer.destroyForcibly();
        }
    }

    @Test
    void channelAndPrivateMessagesFlowBothWaysWithAnotherClient(@TempDir Path folder) throws Exception {
        Path script = folder.resolve("irc_peer.py");
        try (InputStream in = getClass().getResourceAsStream("irc_peer.py")) {
            Files.copy(in, script);
        }
        String peerNick = unique("py");
        String channel = unique("#interop");
        peer = new ProcessBuilder(PYTHON, script.toString(), server.host(), Integer.toString(server.tlsPort()),
                server.caFile().toString(), peerNick, channel).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.add(line);
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.equals("DONE")) {
                        done.countDown();
                    }
                }
            } catch (IOException e) {
                // The peer ended.
            }
        });
        assertThat(ready.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("peer ready: %s", output).isTrue();

        Client alice = sessions.connected(server.account(unique("alice")));
        GroupChat rooms = alice.need(GroupChat.class);
        RoomAddress room = rooms.room(channel);
        join(rooms.join(room, null, null));

        alice.events().await(RoomMessageReceived.class, e -> e.message().sender().equals(peerNick)
                && e.message().body().equals("hi from python 你好"), TIMEOUT);
        alice.events().await(MessageReceived.class, e -> e.message().peer().handle().equals(peerNick)
                && e.message().body().equals("hi privately 私聊"), TIMEOUT);

        join(rooms.send(new OutgoingRoomMessage(MessageId.newClientId(), room, "hello channel 大家好")));
        alice.events().await(RoomMessageReceived.class, e -> e.message().sender().equals(peerNick)
                && e.message().body().equals("echo: hello channel 大家好"), TIMEOUT);

        Messaging messaging = alice.need(Messaging.class);
        join(messaging.send(new OutgoingMessage(MessageId.newClientId(), alice.address(peerNick), "hello you 你好")));
        alice.events().await(MessageReceived.class, e -> e.message().body().equals("echo: hello you 你好"), TIMEOUT);

        join(messaging.send(new OutgoingMessage(MessageId.newClientId(), alice.address(peerNick), "quit")));
        assertThat(done.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("peer done: %s", output).isTrue();
        assertThat(peer.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(peer.exitValue()).isZero();
        assertThat(output).anyMatch(l -> l.contains("PRIVMSG " + channel + " :hello channel 大家好"));
        assertThat(output).noneMatch(l -> l.contains("\u0001VERSION"));
    }
}
