package org.switchboard.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.xmpp.XmppTestClients.TIMEOUT;
import static org.switchboard.xmpp.XmppTestClients.join;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.xmpp.XmppTestClients.Client;
import org.switchboard.xmpp.testing.ProsodyServer;

/** Messages both ways between a Switchboard session and a slixmpp client (a peer no one here wrote). */
class SlixmppInteropTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static ProsodyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void messagesTravelBothWaysWithSlixmpp() throws Exception {
        Path script = Files.createTempFile("slixmpp-peer", ".py");
        try (InputStream in = SlixmppInteropTest.class.getResourceAsStream("interop/slixmpp_peer.py");
             XmppTestClients clients = new XmppTestClients(server)) {
            Files.write(script, in.readAllBytes());
            Client alice = clients.connected("interop");
            AccountConfig peer = clients.newAccount("slix");
            String peerJid = peer.settings().get(XmppProvider.JID);

            Process python = new ProcessBuilder(PYTHON, script.toString(), peerJid,
                    peer.secret(XmppProvider.PASSWORD).orElseThrow(), "127.0.0.1", Integer.toString(server.c2sPort()),
                    server.caFile().toString(), alice.jid()).redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (Exception e) {
                    lines.add("EOF " + e);
                }
            });
            try {
                MessageReceived hello = alice.events().await(MessageReceived.class,
                        e -> e.message().body().equals("hello from slixmpp 你好"), TIMEOUT);
                assertThat(hello.message().direction()).isEqualTo(Direction.INCOMING);
                assertThat(hello.message().peer().handle()).isEqualTo(peerJid);

                join(alice.need(Messaging.class).send(new OutgoingMessage(MessageId.newClientId(),
                        alice.address(peerJid), "ping 即時通訊")));
                alice.events().await(MessageReceived.class, e -> e.message().body().equals("echo: ping 即時通訊"), TIMEOUT);
                assertThat(awaitLine(lines, "GOT ping 即時通訊")).isTrue();
            } finally {
                python.destroy();
                python.waitFor(5, TimeUnit.SECONDS);
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static boolean awaitLine(BlockingQueue<String> lines, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (line.equals(wanted)) {
                return true;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("slixmpp never printed \"" + wanted + "\"; it printed:\n" + seen);
    }
}
