package org.switchboard.irc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-TCP stand-in for an IRC server that misbehaves on purpose (says nothing, or sends
 * garbage): faults a real server cannot be made to show. Each accepted connection is handed to
 * the script, on a thread of its own.
 */
final class FakeIrcServer implements AutoCloseable {

    /** What the fake does with one client connection. */
    interface Script {
        void run(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final List<Socket> clients = new ArrayList<>();

    FakeIrcServer(Script script) throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket client = socket.accept();
                    synchronized (clients) {
                        clients.add(client);
                    }
                    Thread.ofVirtual().start(() -> {
                        try {
                            script.run(client.getInputStream(), client.getOutputStream());
                        } catch (IOException | InterruptedException e) {
                            // The client went away.
                        }
                    });
                }
            } catch (IOException e) {
                // Closed.
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (clients) {
            for (Socket client : clients) {
                client.close();
            }
        }
    }
}
