package org.switchboard.core.history;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.Direction;

/** One self-contained page (inline style, no scripts, no links out) that any browser shows offline. */
final class HtmlExportWriter implements ExportWriter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String STYLE = "body{font-family:sans-serif;max-width:52em;margin:2em auto;}"
            + "h2{border-bottom:1px solid #888;margin-top:2em}.m{margin:.3em 0}.t{color:#777;font-size:.85em}"
            + ".out .who{color:#0a5}.in .who{color:#05a}.b{white-space:pre-wrap}";

    private final Writer out;
    private boolean inConversation;

    HtmlExportWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(long total) throws IOException {
        out.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Switchboard</title><style>"
                + STYLE + "</style></head><body>\n");
    }

    @Override
    public void conversation(ConversationId conversation) throws IOException {
        closeConversation();
        out.write("<section><h2>" + escape(conversation.name()) + " <span class=\"t\">"
                + escape(conversation.account().value()) + "</span></h2>\n");
        inConversation = true;
    }

    @Override
    public void message(StoredMessage m) throws IOException {
        boolean outgoing = m.direction() == Direction.OUTGOING;
        out.write("<div class=\"m " + (outgoing ? "out" : "in") + "\" id=\"m" + m.seq() + "\"><span class=\"t\">"
                + TIME.format(m.timestamp()) + "</span> <span class=\"who\">" + (outgoing ? "&rarr;" : "&larr;")
                + (m.sender() == null ? "" : " " + escape(m.sender()))
                + "</span> <span class=\"b\">" + escape(m.body()) + "</span></div>\n");
    }

    @Override
    public void end() throws IOException {
        closeConversation();
        out.write("</body></html>\n");
        out.flush();
    }

    private void closeConversation() throws IOException {
        if (inConversation) {
            out.write("</section>\n");
            inConversation = false;
        }
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
