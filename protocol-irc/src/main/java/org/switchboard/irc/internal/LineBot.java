package org.switchboard.irc.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.pircbotx.Configuration;
import org.pircbotx.InputParser;
import org.pircbotx.PircBotX;

/**
 * PircBotX as the transport of one connection: it connects through the session's socket factory,
 * registers ({@code CAP LS}, {@code PASS}, {@code NICK}, {@code USER}), reads lines and writes them.
 * Every line read goes to the session's own handler instead of PircBotX's parser, which drops
 * IRCv3 tags on most commands, hangs on InspIRCd's {@code AUTHENTICATE :+} and answers DCC offers.
 */
final class LineBot extends PircBotX {

    /** Longest line kept: 8 KiB of IRCv3 tags plus a 512-byte message, with room to spare. */
    static final int MAX_LINE_CHARS = 16 * 1024;

    LineBot(Configuration configuration) {
        super(configuration);
    }

    /** A bot factory whose parser hands every raw line to {@code handler}. */
    static Configuration.BotFactory factory(Consumer<String> handler) {
        return new Configuration.BotFactory() {
            @Override
            public InputParser createInputParser(PircBotX bot) {
                return new InputParser(bot) {
                    @Override
                    public void handleLine(String rawLine) {
                        handler.accept(rawLine);
                    }
                };
            }
        };
    }

    @Override
    protected void changeSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.inputReader = new BoundedLineReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8),
                MAX_LINE_CHARS);
        this.outputWriter = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Writes a line now, bypassing PircBotX's own delay (the session has its own flood control). */
    void write(String line) {
        sendRaw().rawLineNow(line);
    }

    /** Closes the socket; the reading thread then ends. */
    void abort() {
        // Not under PircBotX's state lock: connect() holds it through the whole TLS handshake.
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }
}
