package org.switchboard.irc.internal;

import java.util.Locale;

/**
 * How a server compares nicks and channel names (ISUPPORT {@code CASEMAPPING}): {@code rfc1459}
 * (the default) also folds {@code []\^} to {@code {}|~}, {@code strict-rfc1459} leaves {@code ^}
 * alone, {@code ascii} folds letters only.
 */
public enum CaseMapping {
    ASCII, RFC1459, STRICT_RFC1459;

    public static CaseMapping of(String isupportValue) {
        return switch (isupportValue == null ? "" : isupportValue.toLowerCase(Locale.ROOT)) {
            case "ascii" -> ASCII;
            case "strict-rfc1459" -> STRICT_RFC1459;
            default -> RFC1459;
        };
    }

    public String fold(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (this != ASCII && (c == '[' || c == ']' || c == '\\')) {
                c = (char) (c + ('{' - '['));
            } else if (this == RFC1459 && c == '^') {
                c = '~';
            }
            out.append(c);
        }
        return out.toString();
    }
}
