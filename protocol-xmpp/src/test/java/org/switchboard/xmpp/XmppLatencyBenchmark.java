package org.switchboard.xmpp;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.xmpp.testing.ProsodyServer;

/**
 * Send-to-receive latency of one-to-one messages through a local Prosody: between two
 * Switchboard XMPP sessions, and between two bare Smack connections (the floor). Each message is
 * sent when the previous one arrived, so the figures are latency, not throughput. A third run
 * sends bare Smack messages with the same protocol extras a Switchboard message has, which
 * separates what the protocol features cost (in Prosody) from what the session's code costs.
 *
 * <p>Run: {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -q -pl protocol-xmpp test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.switchboard.xmpp.XmppLatencyBenchmark -Dexec.args=10000}
 */
public final class XmppLatencyBenchmark {

    private XmppLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmup = Math.min(1_000, count / 5);
        try (ProsodyServer server = ProsodyServer.start(); XmppTestClients clients = new XmppTestClients(server)) {
            long[] switchboard = switchboard(clients, warmup, count);
            long[] smack = bareSmack(clients, warmup, count, false);
            long[] smackAlike = bareSmack(clients, warmup, count, true);
            report("Switchboard sessions", switchboard);
            report("bare Smack (floor)  ", smack);
            report("bare Smack, same XEPs", smackAlike);
            System.out.printf("ratio p50 %.2f, p99 %.2f%n", percentile(switchboard, 50) / percentile(smack, 50),
                    percentile(switchboard, 99) / percentile(smack, 99));
        }
    }

    private static long[] switchboard(XmppTestClients clients, int warmup, int count) throws Exception {
        AccountConfig aliceConfig = clients.newAccount("benchA");
        AccountConfig bobConfig = clients.newAccount("benchB");
        LinkedBlockingQueue<String> arrived = new LinkedBlockingQueue<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        ProtocolSession alice = new XmppProvider().open(aliceConfig, e -> { });
        ProtocolSession bob = new XmppProvider().open(bobConfig, e -> {
            if (e instanceof MessageReceived m) {
                receivedAt.put(m.message().body(), System.nanoTime());
                arrived.add(m.message().body());
            }
        });
        try {
            alice.connect().get(30, TimeUnit.SECONDS);
            bob.connect().get(30, TimeUnit.SECONDS);
            Messaging messaging = alice.capability(Messaging.class).orElseThrow();
            ContactAddress to = new ContactAddress(aliceConfig.id(), bobConfig.settings().get(XmppProvider.JID));
            long[] latencies = new long[count];
            for (int i = -warmup; i < count; i++) {
                String body = "bench " + i;
                long start = System.nanoTime();
                messaging.send(new OutgoingMessage(MessageId.newClientId(), to, body));
                await(arrived, body);
                if (i >= 0) {
                    latencies[i] = receivedAt.remove(body) - start;
                }
            }
            return latencies;
        } finally {
            alice.close();
            bob.close();
        }
    }

    /**
     * @param alike sends what a Switchboard message carries (receipt request, chat marker, chat
     *              state, origin-id) and has the receiver answer receipts, to tell the cost of
     *              those protocol features from the cost of the session's own code
     */
    private static long[] bareSmack(XmppTestClients clients, int warmup, int count, boolean alike) throws Exception {
        AccountConfig aliceConfig = clients.newAccount("floorA");
        AccountConfig bobConfig = clients.newAccount("floorB");
        XMPPTCPConnection alice = clients.bareSmack(aliceConfig, "bench");
        XMPPTCPConnection bob = clients.bareSmack(bobConfig, "bench");
        LinkedBlockingQueue<String> arrived = new LinkedBlockingQueue<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        if (alike) {
            DeliveryReceiptManager.getInstanceFor(bob).setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.always);
        }
        bob.addSyncStanzaListener(s -> {
            String body = ((Message) s).getBody();
            receivedAt.put(body, System.nanoTime());
            arrived.add(body);
        }, MessageWithBodiesFilter.INSTANCE);
        var to = JidCreate.entityBareFrom(bobConfig.settings().get(XmppProvider.JID));
        long[] latencies = new long[count];
        for (int i = -warmup; i < count; i++) {
            String body = "bench " + i;
            long start = System.nanoTime();
            MessageBuilder message = StanzaBuilder.buildMessage(java.util.UUID.randomUUID().toString()).to(to).ofType(Message.Type.chat).setBody(body);
            if (alike) {
                message.addExtension(new OriginIdElement()).addExtension(new DeliveryReceiptRequest())
                        .addExtension(ChatMarkersElements.MarkableExtension.INSTANCE)
                        .addExtension(new ChatStateExtension(ChatState.active));
            }
            alice.sendStanza(message.build());
            await(arrived, body);
            if (i >= 0) {
                latencies[i] = receivedAt.remove(body) - start;
            }
        }
        return latencies;
    }

    private static void await(LinkedBlockingQueue<String> arrived, String body) throws InterruptedException {
        while (true) {
            String got = arrived.poll(30, TimeUnit.SECONDS);
            if (got == null) {
                throw new IllegalStateException("message \"" + body + "\" did not arrive within 30 s");
            }
            if (got.equals(body)) {
                return;
            }
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static void report(String name, long[] nanos) {
        System.out.printf("%s: %d messages, p50 %.3f ms, p99 %.3f ms%n", name, nanos.length,
                percentile(nanos, 50), percentile(nanos, 99));
    }
}
