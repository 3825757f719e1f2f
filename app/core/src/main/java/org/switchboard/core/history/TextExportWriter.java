package org.switchboard.core.history;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.Direction;

/** Plain text, one line per message; continuation lines of a body are indented. */
final class TextExportWriter implements ExportWriter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Writer out;

    TextExportWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(long total) {
    }

    @Override
    public void conversation(ConversationId conversation) throws IOException {
        out.write("== " + conversation.name() + " (" + conversation.account().value() + ") ==\n");
    }

    @Override
    public void message(StoredMessage m) throws IOException {
        String arrow = m.direction() == Direction.OUTGOING ? "->" : "<-";
        out.write("[" + TIME.format(m.timestamp()) + "] " + arrow + " "
                + (m.sender() == null ? "" : "<" + m.sender() + "> ")
                + m.body().replace("\r\n", "\n").replace("\n", "\n    ") + "\n");
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }
}
