package org.switchboard.nativeproto.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.switchboard.nativeproto.auth.ScramClient;
import org.switchboard.nativeproto.codec.FrameException;
import org.switchboard.nativeproto.codec.FrameReader;
import org.switchboard.nativeproto.codec.FrameWriter;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.nativeproto.server.NativeServer;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.tls.ClientTls;

/**
 * A bare protocol client for tests that must send what a well-behaved client never would.
 * It trusts the server by pinning its certificate, as a user would.
 */
public final class RawClient implements AutoCloseable {

    private final SSLSocket socket;
    private final FrameReader reader;
    private final FrameWriter writer;

    public RawClient(NativeServer server) throws Exception {
        this(server, null);
    }

    /** Connects from {@code localAddress} (another loopback address, to look like another host). */
    public RawClient(NativeServer server, String localAddress) throws Exception {
        AccountConfig pin = new AccountConfig(AccountId.random(), "native",
                Map.of(AccountConfig.PINNED_CERTIFICATES, server.certificateSha256()), Map.of());
        javax.net.SocketFactory factory = ClientTls.forAccount(pin).context().getSocketFactory();
        socket = (SSLSocket) (localAddress == null
                ? factory.createSocket("127.0.0.1", server.port())
                : factory.createSocket(java.net.InetAddress.getByName("127.0.0.1"), server.port(),
                        java.net.InetAddress.getByName(localAddress), 0));
        socket.setSoTimeout((int) TestServers.TIMEOUT.toMillis());
        socket.startHandshake();
        reader = new FrameReader(socket.getInputStream(), 16 * 1024 * 1024);
        writer = new FrameWriter(socket.getOutputStream(), 16 * 1024 * 1024);
    }

    public void send(ObjectNode frame) throws Exception {
        writer.write(frame);
    }

    public void sendRaw(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    public ObjectNode read() throws IOException, FrameException {
        return reader.read();
    }

    /** Reads until a frame of that type comes (pushes such as presence may come first). */
    public ObjectNode readType(String type) throws IOException, FrameException {
        while (true) {
            ObjectNode frame = read();
            if (Frames.type(frame).equals(type)) {
                return frame;
            }
        }
    }

    public ObjectNode request(ObjectNode frame) throws Exception {
        send(frame);
        String id = Frames.id(frame);
        while (true) {
            ObjectNode reply = read();
            if (id.equals(Frames.id(reply))) {
                return reply;
            }
        }
    }

    /** Reads frames until a pong for a ping sent now: everything queued for this client before it. */
    public java.util.List<ObjectNode> drain() throws Exception {
        String id = "drain-" + System.nanoTime();
        send(Frames.request("ping", id));
        java.util.List<ObjectNode> frames = new java.util.ArrayList<>();
        while (true) {
            ObjectNode frame = read();
            if (id.equals(Frames.id(frame))) {
                return frames;
            }
            frames.add(frame);
        }
    }

    public ObjectNode hello() throws Exception {
        return request(Frames.request("hello", "h").set("versions",
                FrameReader.Json.MAPPER.createArrayNode().add(Frames.VERSION)));
    }

    /** Logs in; returns the server's last answer (ok, or the error). */
    public ObjectNode login(String user, String password) throws Exception {
        ScramClient scram = new ScramClient(user, password);
        ObjectNode challenge = request(Frames.request("auth", "a1").put("mechanism", "SCRAM-SHA-256")
                .put("data", scram.clientFirst()));
        if (!Frames.type(challenge).equals("auth-challenge")) {
            return challenge;
        }
        ObjectNode last = request(Frames.request("auth-response", "a2")
                .put("data", scram.clientFinal(challenge.get("data").asText())));
        if (Frames.type(last).equals("ok")) {
            scram.verifyServerFinal(last.get("data").asText());
        }
        return last;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
