package org.switchboard.sample.linechat;

/**
 * Escaping for the text at the end of a line-chat command, so that a message body can hold any
 * character without ending the line: {@code \} becomes {@code \\}, LF {@code \n}, CR {@code \r}.
 */
public final class LineCodec {

    private LineCodec() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Splits a line into at most {@code parts} fields at single spaces; the last one keeps its spaces. */
    public static String[] fields(String line, int parts) {
        return line.split(" ", parts);
    }
}
