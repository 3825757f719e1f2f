package org.switchboard.irc.internal;

/**
 * Cleans text that came from IRC: mIRC formatting codes (bold, italic, underline,
 * strike-through, monospace, reverse, reset, colours in both the numeric and the hex form) are
 * removed together with their colour arguments, and so is every other control character, so
 * that nothing of them reaches the app.
 */
public final class IrcText {

    private static final char BOLD = 0x02;
    private static final char COLOUR = 0x03;
    private static final char HEX_COLOUR = 0x04;

    private IrcText() {
    }

    public static String strip(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == COLOUR) {
                i = skipColour(text, i, 2, false);
            } else if (c == HEX_COLOUR) {
                i = skipColour(text, i, 6, true);
            } else if (c == '\t') {
                out.append(' ');
            } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                // Bold, italic, underline, reset and every other control character carry no text.
                continue;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Skips {@code fg[,bg]} after a colour code: up to {@code digits} digits each. */
    private static int skipColour(String text, int at, int digits, boolean hex) {
        int i = skipDigits(text, at, digits, hex);
        if (i > at && i + 1 < text.length() && text.charAt(i) == ','
                && isDigit(text.charAt(i + 1), hex)) {
            i = skipDigits(text, i + 1, digits, hex);
        }
        return i;
    }

    private static int skipDigits(String text, int at, int digits, boolean hex) {
        int i = at;
        while (i < text.length() && i - at < digits && isDigit(text.charAt(i), hex)) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c, boolean hex) {
        return c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }

}
