package org.switchboard.core.history;

import java.io.IOException;
import java.io.Writer;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;

/** Writes one export format; messages come grouped by conversation, oldest first in each. */
interface ExportWriter {

    void begin(long total) throws IOException;

    void conversation(ConversationId conversation) throws IOException;

    void message(StoredMessage message) throws IOException;

    void end() throws IOException;

    static ExportWriter of(ExportFormat format, Writer out) throws IOException {
        return switch (format) {
            case JSON -> new JsonExportWriter(out);
            case HTML -> new HtmlExportWriter(out);
            case TEXT -> new TextExportWriter(out);
        };
    }
}
