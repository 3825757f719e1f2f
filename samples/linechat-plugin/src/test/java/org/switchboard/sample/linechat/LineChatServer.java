package org.switchboard.sample.linechat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A line-chat server as docs/plugins.md specifies it, on a loopback port: users with passwords,
 * messages to users who are online. Written from the specification alone, with no code shared
 * with the client, so the client is tested against the protocol and not against itself.
 */
public final class LineChatServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Connection> online = new ConcurrentHashMap<>();

    private LineChatServer(ServerSocket listener) {
        this.listener = listener;
    }

    public static LineChatServer start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        LineChatServer server = new LineChatServer(socket);
        Thread.ofPlatform().daemon(true).name("linechat-server").start(server::accept);
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void addUser(String user, String password) {
        passwords.put(user, password);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread.ofVirtual().start(() -> new Connection(socket).serve());
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        online.values().forEach(Connection::close);
    }

    private final class Connection {
        private final Socket socket;
        private Writer out;
        private String user;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void serve() {
            try (socket) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                for (String line; (line = in.readLine()) != null; ) {
                    if (!command(line.split(" ", 4))) {
                        break;
                    }
                }
            } catch (IOException e) {
                // The client went away; forget it below.
            } finally {
                if (user != null) {
                    online.remove(user, this);
                }
            }
        }

        /** Returns false when the connection should end. */
        private boolean command(String[] f) throws IOException {
            if (f[0].equals("QUIT")) {
                return false;
            }
            if (user == null) {
                if (f[0].equals("LOGIN") && f.length >= 3) {
                    String password = unescape(line(f, 2));
                    if (password.equals(passwords.get(f[1]))) {
                        user = f[1];
                        online.put(user, this);
                        send("OK");
                        return true;
                    }
                }
                send("ERR auth wrong user name or password");
                return false;
            }
            if (f[0].equals("MSG") && f.length == 4) {
                Connection to = online.get(f[1]);
                if (f[3].isEmpty()) {
                    send("ERR " + f[2] + " invalid empty message");
                } else if (to == null) {
                    send("ERR " + f[2] + " offline " + f[1] + " is not online");
                } else {
                    to.send("FROM " + user + " " + f[2] + " " + f[3]);
                    send("ACK " + f[2]);
                }
            }
            return true;
        }

        private static String line(String[] f, int from) {
            return String.join(" ", java.util.Arrays.copyOfRange(f, from, f.length));
        }

        private static String unescape(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    char n = s.charAt(++i);
                    out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        synchronized void send(String line) throws IOException {
            out.write(line + "\n");
            out.flush();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
    }
}
