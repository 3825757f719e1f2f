package org.switchboard.core.history;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.conversation.StoredMessage;

/** A message that matched a search, and where in its body the query's words are. */
public record SearchHit(StoredMessage message, List<TextRange> highlights) {

    /** A piece of the body to show in a result list, with the highlights inside that piece. */
    public record Snippet(String text, List<TextRange> highlights, boolean cutBefore, boolean cutAfter) {
    }

    public SearchHit {
        highlights = List.copyOf(highlights);
    }

    /** About {@code width} characters of the body around the first match, on one line. */
    public Snippet snippet(int width) {
        String body = message.body();
        int first = highlights.isEmpty() ? 0 : highlights.getFirst().start();
        int start = Math.max(0, Math.min(first - width / 3, body.length() - width));
        if (start > 0 && Character.isLowSurrogate(body.charAt(start))) {
            start--;
        }
        int end = Math.min(body.length(), start + width);
        if (end < body.length() && end > 0 && Character.isHighSurrogate(body.charAt(end - 1))) {
            end++;
        }
        List<TextRange> inside = new ArrayList<>();
        for (TextRange r : highlights) {
            if (r.end() > start && r.start() < end) {
                inside.add(new TextRange(Math.max(r.start(), start) - start, Math.min(r.end(), end) - start));
            }
        }
        String text = body.substring(start, end).replace('\n', ' ').replace('\r', ' ');
        return new Snippet(text, inside, start > 0, end < body.length());
    }
}
