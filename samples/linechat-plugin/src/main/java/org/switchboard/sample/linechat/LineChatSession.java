package org.switchboard.sample.linechat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ChatMessage;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.SessionListener;
import org.switchboard.protocol.spi.capability.Capability;
import org.switchboard.protocol.spi.capability.Messaging;

/**
 * One line-chat connection. Each connection has one thread of its own that connects, logs in
 * and reads; every event is reported from that thread, so the listener sees them in order.
 */
final class LineChatSession implements ProtocolSession, Messaging {

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final long ACK_TIMEOUT_S = 15;
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final AccountConfig config;
    private final SessionListener listener;
    private final String host;
    private final int port;
    private final Map<String, CompletableFuture<MessageId>> awaitingAck = new ConcurrentHashMap<>();
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private Link link;

    LineChatSession(AccountConfig config, SessionListener listener) {
        this.config = config;
        this.listener = listener;
        this.host = config.text("host", "localhost").strip();
        this.port = config.port("port", LineChatProvider.DEFAULT_PORT);
    }

    @Override
    public AccountId account() {
        return config.id();
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public synchronized CompletableFuture<Void> connect() {
        if (link != null && !link.closing) {
            return link.login;
        }
        link = new Link();
        state = ConnectionState.CONNECTING;
        Thread.ofPlatform().daemon(true).name("linechat-" + config.text("username", "?")).start(link);
        return link.login;
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        Link current;
        synchronized (this) {
            current = link;
        }
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        current.hangUp();
        return current.closed;
    }

    @Override
    public <C extends Capability> Optional<C> capability(Class<C> type) {
        return type == Messaging.class ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    public Set<Class<? extends Capability>> capabilities() {
        return Set.of(Messaging.class);
    }

    @Override
    public void close() {
        disconnect();
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    public CompletableFuture<MessageId> send(OutgoingMessage message) {
        String clientId = message.id().clientId();
        if (message.body().isEmpty()) {
            return failed(Reason.INVALID_INPUT, "An empty message cannot be sent");
        }
        if (message.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            return failed(Reason.INVALID_INPUT, "The message is longer than " + MAX_BODY_BYTES + " bytes");
        }
        if (message.to().handle().contains(" ") || clientId.contains(" ")) {
            return failed(Reason.INVALID_INPUT, "A user name or message id cannot contain a space");
        }
        Link current;
        synchronized (this) {
            current = link;
        }
        if (current == null || state != ConnectionState.CONNECTED) {
            return failed(Reason.NOT_CONNECTED, "Not connected to " + host);
        }
        CompletableFuture<MessageId> acked = new CompletableFuture<>();
        awaitingAck.put(clientId, acked);
        CompletableFuture.delayedExecutor(ACK_TIMEOUT_S, TimeUnit.SECONDS).execute(() -> {
            if (awaitingAck.remove(clientId, acked)) {
                acked.completeExceptionally(new ProtocolException(Reason.TIMEOUT,
                        "The server did not confirm the message within " + ACK_TIMEOUT_S + " s"));
            }
        });
        try {
            current.write("MSG " + message.to().handle() + " " + clientId + " " + LineCodec.escape(message.body()));
        } catch (IOException e) {
            awaitingAck.remove(clientId, acked);
            acked.completeExceptionally(new ProtocolException(Reason.NETWORK, "Sending failed: " + e.getMessage(), e));
        }
        return acked;
    }

    private static <T> CompletableFuture<T> failed(Reason reason, String text) {
        return CompletableFuture.failedFuture(new ProtocolException(reason, text));
    }

    private void emit(ProtocolEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // The SPI says a listener's failure must not stop the session.
            System.getLogger(LineChatSession.class.getName()).log(System.Logger.Level.WARNING, "listener failed", e);
        }
    }

    /** One TCP connection: its socket, its reader thread's loop, and how it ended. */
    private final class Link implements Runnable {
        final CompletableFuture<Void> login = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        private volatile Socket socket;
        private volatile Writer out;
        volatile boolean closing;

        @Override
        public void run() {
            ProtocolException end;
            try (Socket s = new Socket()) {
                socket = s;
                if (closing) {
                    throw new IOException("closed before connecting");
                }
                s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
                write("LOGIN " + config.text("username", "") + " "
                        + LineCodec.escape(config.secret("password").orElse("")));
                for (String line; (line = in.readLine()) != null; ) {
                    handle(line);
                }
                end = new ProtocolException(Reason.NETWORK, "The server closed the connection");
            } catch (ProtocolException e) {
                end = e;
            } catch (IOException e) {
                end = new ProtocolException(Reason.NETWORK, "Connection to " + host + ":" + port + " failed: "
                        + e.getMessage(), e);
            }
            finished(end);
        }

        synchronized void write(String line) throws IOException {
            if (out == null) {
                throw new IOException("not connected");
            }
            out.write(line + "\n");
            out.flush();
        }

        void hangUp() {
            closing = true;
            try {
                write("QUIT");
            } catch (IOException ignored) {
                // Closing the socket below ends the connection either way.
            }
            Socket s = socket;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        }

        private void handle(String line) throws ProtocolException {
            String[] f = LineCodec.fields(line, 4);
            switch (f[0]) {
                case "OK" -> {
                    state = ConnectionState.CONNECTED;
                    emit(new ProtocolEvent.ConnectionStateChanged(account(), ConnectionState.CONNECTED, null));
                    emit(new ProtocolEvent.CapabilitiesChanged(account(), capabilities()));
                    login.complete(null);
                }
                case "ACK" -> complete(f[1], null);
                case "ERR" -> {
                    if (f.length > 1 && f[1].equals("auth")) {
                        throw new ProtocolException(Reason.AUTH_FAILED, "The server refused the user name or password");
                    }
                    complete(f[1], new ProtocolException(f.length > 2 && f[2].equals("invalid")
                            ? Reason.INVALID_INPUT : Reason.REJECTED, f.length > 3 ? LineCodec.unescape(f[3]) : line));
                }
                case "FROM" -> {
                    if (f.length == 4) {
                        ContactAddress from = new ContactAddress(account(), f[1]);
                        emit(new ProtocolEvent.MessageReceived(account(), new ChatMessage(MessageId.of(f[2]), from,
                                Direction.INCOMING, LineCodec.unescape(f[3]), Instant.now())));
                    }
                }
                default -> {
                    // Unknown commands are ignored, so a newer server can add some.
                }
            }
        }

        private void complete(String clientId, ProtocolException failure) {
            CompletableFuture<MessageId> acked = awaitingAck.remove(clientId);
            if (acked != null && failure == null) {
                acked.complete(MessageId.of(clientId));
            } else if (acked != null) {
                acked.completeExceptionally(failure);
            }
        }

        private void finished(ProtocolException end) {
            ProtocolException cause = closing ? null : end;
            ConnectionState ended = closing ? ConnectionState.DISCONNECTED : ConnectionState.FAILED;
            synchronized (LineChatSession.this) {
                // A connect() after hangUp() has made a new link; its state is not ours to change.
                if (link == this) {
                    link = null;
                    state = ended;
                }
            }
            ProtocolException notConnected = new ProtocolException(Reason.NOT_CONNECTED, "The connection ended");
            awaitingAck.values().forEach(f -> f.completeExceptionally(notConnected));
            awaitingAck.clear();
            login.completeExceptionally(cause != null ? cause : notConnected);
            emit(new ProtocolEvent.ConnectionStateChanged(account(), ended, cause));
            closed.complete(null);
        }
    }
}
