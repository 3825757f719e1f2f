package org.switchboard.irc.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A bare IRC client on a socket, for tests that need the other side of a conversation to send
 * exactly the lines they choose (CTCP requests, formatting codes, channel operator commands). It
 * answers PING and records every line; tests wait for a line with {@link #await}.
 */
public final class RawIrcClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private final String nick;

    private RawIrcClient(Socket socket, String nick) throws IOException {
        this.socket = socket;
        this.nick = nick;
        this.out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.reader = Thread.ofVirtual().name("raw-irc-" + nick).start(() -> read(in));
    }

    /** Connects over TLS (trusting {@code caFile}) and registers as {@code nick}; returns after the welcome. */
    public static RawIrcClient connect(String host, int tlsPort, Path caFile, String nick, String password)
            throws IOException {
        SSLSocket socket;
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(caFile)) {
                trust.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            socket = (SSLSocket) context.getSocketFactory().createSocket(host, tlsPort);
            socket.startHandshake();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + caFile, e);
        }
        RawIrcClient client = new RawIrcClient(socket, nick);
        if (password != null) {
            client.send("PASS " + password);
        }
        client.send("NICK " + nick);
        client.send("USER raw 0 * :raw test client");
        client.await(l -> l.contains(" 001 "), Duration.ofSeconds(15));
        return client;
    }

    /** Connects to an {@link NgircdServer}. */
    public static RawIrcClient connect(NgircdServer server, String nick) throws IOException {
        return connect(server.host(), server.tlsPort(), server.caFile(), nick, server.serverPassword());
    }

    public String nick() {
        return nick;
    }

    public void send(String line) throws IOException {
        synchronized (out) {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Writes raw bytes (for text that is not valid UTF-8 or lines without an end). */
    public void sendBytes(byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    private void read(BufferedReader in) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("PING ")) {
                    send("PONG " + line.substring(5));
                }
                lock.lock();
                try {
                    lines.add(line);
                    arrived.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            // Closed.
        }
    }

    /** Waits for the first line (seen already or still to come) that matches. */
    public String await(Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            int checked = 0;
            while (true) {
                for (; checked < lines.size(); checked++) {
                    if (match.test(lines.get(checked))) {
                        return lines.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(nick + " saw no matching line within " + timeout + "; lines: " + lines);
                }
                arrived.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    public List<String> lines() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            send("QUIT :bye");
        } catch (IOException e) {
            // Already gone.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
        reader.interrupt();
    }
}
