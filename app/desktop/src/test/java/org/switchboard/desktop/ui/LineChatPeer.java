package org.switchboard.desktop.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The other side of a line-chat conversation, as a raw socket speaking the protocol of
 * docs/plugins.md: no code of the plugin is involved. Reads block with a time limit.
 */
final class LineChatPeer implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    LineChatPeer(int port, String user, String password) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        send("LOGIN " + user + " " + password);
        String answer = in.readLine();
        if (!"OK".equals(answer)) {
            throw new IOException("login refused: " + answer);
        }
    }

    void send(String line) throws IOException {
        out.write(line + "\n");
        out.flush();
    }

    /** The next line the server sends; fails after 30 s of silence. */
    String readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
