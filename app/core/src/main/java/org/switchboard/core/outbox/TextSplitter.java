package org.switchboard.core.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text that is too long for one message into parts of at most {@code maxBytes} UTF-8
 * bytes, never inside a code point, preferring to cut at whitespace (which is then dropped).
 */
public final class TextSplitter {

    private TextSplitter() {
    }

    public static List<String> split(String text, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("a part must hold at least one code point (4 bytes)");
        }
        List<String> parts = new ArrayList<>();
        int start = skipWhitespace(text, 0);
        while (start < text.length()) {
            int end = start;
            int bytes = 0;
            int lastSpace = -1;
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                int size = utf8Length(cp);
                if (bytes + size > maxBytes) {
                    break;
                }
                bytes += size;
                if (Character.isWhitespace(cp)) {
                    lastSpace = end;
                }
                end += Character.charCount(cp);
            }
            int cut = end >= text.length() || lastSpace <= start ? end : lastSpace;
            String part = text.substring(start, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            start = skipWhitespace(text, cut);
        }
        return parts;
    }

    public static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        } else if (codePoint < 0x800) {
            return 2;
        } else if (codePoint < 0x10000) {
            return 3;
        }
        return 4;
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }
}
