package org.switchboard.irc.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * A CTCP request or reply inside a PRIVMSG or NOTICE ({@code \u0001VERSION\u0001},
 * {@code \u0001ACTION waves\u0001}). The closing {@code \u0001} is optional, as many clients omit it.
 */
record Ctcp(String command, String argument) {

    static final char MARK = '\u0001';

    static Optional<Ctcp> parse(String text) {
        if (text.length() < 2 || text.charAt(0) != MARK) {
            return Optional.empty();
        }
        String inner = text.substring(1, text.charAt(text.length() - 1) == MARK ? text.length() - 1 : text.length());
        int space = inner.indexOf(' ');
        String command = (space < 0 ? inner : inner.substring(0, space)).toUpperCase(Locale.ROOT);
        return command.isEmpty() ? Optional.empty()
                : Optional.of(new Ctcp(command, space < 0 ? "" : inner.substring(space + 1)));
    }

    static String wrap(String command, String argument) {
        return MARK + command + (argument.isEmpty() ? "" : " " + argument) + MARK;
    }
}
