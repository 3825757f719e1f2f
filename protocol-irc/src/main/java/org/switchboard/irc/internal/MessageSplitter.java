package org.switchboard.irc.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a message body into pieces that each fit an IRC line. Pieces end at the last space that
 * fits where there is one in the second half of the piece (the space itself is dropped), else
 * at the last whole character that fits: a UTF-8 sequence, and a surrogate pair, is never cut.
 * Line breaks in the body start a new piece.
 */
public final class MessageSplitter {

    private MessageSplitter() {
    }

    /** Splits {@code body} into pieces of at most {@code maxBytes} UTF-8 bytes; blank lines are dropped. */
    public static List<String> split(String body, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("no room for text in a line: " + maxBytes + " bytes");
        }
        List<String> pieces = new ArrayList<>();
        for (String line : body.split("\r\n|\r|\n")) {
            splitLine(line, maxBytes, pieces);
        }
        return pieces;
    }

    private static void splitLine(String line, int maxBytes, List<String> pieces) {
        String rest = line;
        while (!rest.isBlank()) {
            if (utf8Length(rest) <= maxBytes) {
                pieces.add(rest);
                return;
            }
            int fit = fittingChars(rest, maxBytes);
            int space = rest.lastIndexOf(' ', fit);
            if (space >= fit / 2 && space > 0) {
                pieces.add(rest.substring(0, space));
                rest = rest.substring(space + 1);
            } else {
                pieces.add(rest.substring(0, fit));
                rest = rest.substring(fit);
            }
        }
    }

    /** How many chars from the start fit in {@code maxBytes}, never ending inside a surrogate pair. */
    static int fittingChars(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return i;
    }

    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
