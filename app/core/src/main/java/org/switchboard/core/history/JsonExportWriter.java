package org.switchboard.core.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;

/** Everything history knows about each message, ids and statuses included, streamed. */
final class JsonExportWriter implements ExportWriter {

    static final String FORMAT = "switchboard-history";
    static final int VERSION = 1;

    private final JsonGenerator json;

    JsonExportWriter(Writer out) throws IOException {
        this.json = new JsonFactory().createGenerator(out);
    }

    @Override
    public void begin(long total) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeNumberField("version", VERSION);
        json.writeStringField("exportedAt", Instant.now().toString());
        json.writeNumberField("count", total);
        json.writeArrayFieldStart("messages");
    }

    @Override
    public void conversation(ConversationId conversation) {
        // Each message names its conversation; no grouping needed in JSON.
    }

    @Override
    public void message(StoredMessage m) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", m.seq());
        json.writeStringField("account", m.conversation().account().value());
        json.writeStringField("peer", m.conversation().name());
        if (m.conversation().isRoom()) {
            json.writeBooleanField("room", true);
            json.writeStringField("sender", m.sender());
        }
        if (m.kind() != org.switchboard.protocol.model.MessageKind.CHAT) {
            json.writeStringField("kind", m.kind().name());
        }
        if (m.edited()) {
            json.writeBooleanField("edited", true);
        }
        json.writeStringField("clientId", m.id().clientId());
        json.writeStringField("networkId", m.id().networkId());
        json.writeStringField("direction", m.direction().name());
        json.writeStringField("timestamp", m.timestamp().toString());
        json.writeStringField("status", m.status().name());
        json.writeStringField("failure", m.failure());
        json.writeStringField("body", m.body());
        json.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }
}
