package org.switchboard.nativeproto.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.switchboard.nativeproto.auth.Scram;
import org.switchboard.nativeproto.auth.ScramClient;
import org.switchboard.nativeproto.auth.ScramException;
import org.switchboard.nativeproto.codec.FrameException;
import org.switchboard.nativeproto.codec.FrameReader;
import org.switchboard.nativeproto.codec.FrameWriter;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.tls.ClientTls;

/**
 * Opens a connection and logs in, on the calling thread: TCP, TLS with host-name checks,
 * hello, SCRAM-SHA-256 (the server must prove it knows the account too).
 */
final class Connector {

    /** A logged-in link and what the server said about itself. */
    record Connected(ClientLink link, int maxBodyBytes) {
    }

    private final NativeSettings settings;
    private final ClientTls tls;

    Connector(NativeSettings settings, ClientTls tls) {
        this.settings = settings;
        this.tls = tls;
    }

    Connected connect(ScheduledExecutorService scheduler) throws ProtocolException {
        SSLSocket socket = open();
        try {
            socket.setSoTimeout((int) settings.requestTimeout().toMillis());
            FrameReader reader = new FrameReader(socket.getInputStream(), Frames.DEFAULT_MAX_FRAME_BYTES);
            FrameWriter writer = new FrameWriter(socket.getOutputStream(), Frames.DEFAULT_MAX_FRAME_BYTES);
            ObjectNode hello = exchange(reader, writer, Frames.request("hello", "1")
                    .put("client", "Switchboard").set("versions", FrameReader.Json.MAPPER.createArrayNode().add(Frames.VERSION)));
            int maxBody = hello.path("limits").path("maxBodyBytes").asInt(64 * 1024);
            login(reader, writer);
            // From now on the keepalive, not a read timeout, notices a dead connection.
            socket.setSoTimeout(0);
            return new Connected(new ClientLink(socket, reader, writer, scheduler, settings.requestTimeout()), maxBody);
        } catch (SocketTimeoutException e) {
            close(socket);
            throw new ProtocolException(Reason.TIMEOUT, "The server did not answer the login in time", e);
        } catch (IOException e) {
            close(socket);
            throw new ProtocolException(Reason.NETWORK, "The connection broke during login: " + e.getMessage(), e);
        } catch (ProtocolException e) {
            close(socket);
            throw e;
        }
    }

    private SSLSocket open() throws ProtocolException {
        String host = settings.host();
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(host, settings.port()), (int) settings.connectTimeout().toMillis());
        } catch (SocketTimeoutException e) {
            close(raw);
            throw new ProtocolException(Reason.TIMEOUT, "No connection to " + host + ":" + settings.port()
                    + " within " + settings.connectTimeout().toSeconds() + " s", e);
        } catch (UnknownHostException e) {
            close(raw);
            throw new ProtocolException(Reason.NETWORK, "Unknown host " + host, e);
        } catch (ConnectException | NoRouteToHostException e) {
            close(raw);
            throw new ProtocolException(Reason.NETWORK, "Cannot reach " + host + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            close(raw);
            throw new ProtocolException(Reason.NETWORK, "Cannot connect to " + host + ": " + e.getMessage(), e);
        }
        SSLSocket socket = null;
        try {
            socket = (SSLSocket) tls.context().getSocketFactory().createSocket(raw, host, settings.port(), true);
            ClientTls.verifyHostName(socket);
            socket.setSoTimeout((int) settings.requestTimeout().toMillis());
            socket.startHandshake();
            return socket;
        } catch (SocketTimeoutException e) {
            close(socket != null ? socket : raw);
            throw new ProtocolException(Reason.TIMEOUT, "The TLS handshake with " + host + " timed out", e);
        } catch (SSLException e) {
            close(socket != null ? socket : raw);
            throw tls.untrusted(host, e).orElseGet(() -> new ProtocolException(Reason.NETWORK,
                    "TLS with " + host + " failed: " + e.getMessage(), e));
        } catch (IOException e) {
            close(socket != null ? socket : raw);
            throw new ProtocolException(Reason.NETWORK, "TLS with " + host + " failed: " + e.getMessage(), e);
        }
    }

    private void login(FrameReader reader, FrameWriter writer) throws IOException, ProtocolException {
        ScramClient scram = new ScramClient(settings.username(), settings.password());
        ObjectNode challenge = exchange(reader, writer, Frames.request("auth", "2")
                .put("mechanism", Scram.MECHANISM).put("data", scram.clientFirst()));
        try {
            String clientFinal = scram.clientFinal(Frames.text(challenge, "data"));
            ObjectNode ok = exchange(reader, writer, Frames.request("auth-response", "3").put("data", clientFinal));
            scram.verifyServerFinal(Frames.text(ok, "data"));
        } catch (ScramException | FrameException e) {
            throw new ProtocolException(Reason.AUTH_FAILED, "Login failed: " + e.getMessage(), e);
        }
    }

    /** Sends a request and reads its answer; an error answer becomes the matching exception. */
    private static ObjectNode exchange(FrameReader reader, FrameWriter writer, ObjectNode request)
            throws IOException, ProtocolException {
        try {
            writer.write(request);
            ObjectNode reply = reader.read();
            if (Frames.type(reply).equals("error")) {
                throw ErrorMapping.fromErrorFrame(reply);
            }
            if (!request.get("id").asText().equals(Frames.id(reply))) {
                throw new ProtocolException(Reason.PROTOCOL_ERROR, "The server answered out of turn during login");
            }
            return reply;
        } catch (FrameException e) {
            throw new ProtocolException(Reason.PROTOCOL_ERROR, "The server sent a bad frame: " + e.getMessage(), e);
        }
    }

    private static void close(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
    }
}
