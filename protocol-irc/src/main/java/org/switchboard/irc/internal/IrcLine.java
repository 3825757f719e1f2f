package org.switchboard.irc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One line from the server, split per RFC 1459 and IRCv3 message tags. Parsing never throws:
 * a line that makes no sense becomes a line with an empty command, which every handler ignores.
 *
 * @param tags    IRCv3 tags, values unescaped
 * @param source  the prefix without its colon ({@code nick!user@host} or a server name), or empty
 * @param command upper-case command or three-digit numeric
 * @param params  the parameters, the trailing one included without its colon
 */
public record IrcLine(Map<String, String> tags, String source, String command, List<String> params) {

    public IrcLine {
        tags = Map.copyOf(tags);
        params = List.copyOf(params);
    }

    public static IrcLine parse(String raw) {
        Map<String, String> tags = new LinkedHashMap<>();
        String rest = raw == null ? "" : raw.strip();
        if (rest.startsWith("@")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                return new IrcLine(Map.of(), "", "", List.of());
            }
            for (String tag : rest.substring(1, space).split(";")) {
                if (tag.isEmpty()) {
                    continue;
                }
                int eq = tag.indexOf('=');
                tags.put(eq < 0 ? tag : tag.substring(0, eq), eq < 0 ? "" : unescapeTag(tag.substring(eq + 1)));
            }
            rest = rest.substring(space + 1).stripLeading();
        }
        String source = "";
        if (rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                return new IrcLine(tags, rest.substring(1), "", List.of());
            }
            source = rest.substring(1, space);
            rest = rest.substring(space + 1).stripLeading();
        }
        List<String> params = new ArrayList<>();
        String command = "";
        while (!rest.isEmpty()) {
            if (rest.startsWith(":") && !command.isEmpty()) {
                params.add(rest.substring(1));
                break;
            }
            int space = rest.indexOf(' ');
            String word = space < 0 ? rest : rest.substring(0, space);
            if (command.isEmpty()) {
                command = word.toUpperCase(Locale.ROOT);
            } else {
                params.add(word);
            }
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        return new IrcLine(tags, source, command, params);
    }

    private static String unescapeTag(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 >= value.length()) {
                if (c != '\\') {
                    out.append(c);
                }
                continue;
            }
            char next = value.charAt(++i);
            out.append(switch (next) {
                case ':' -> ';';
                case 's' -> ' ';
                case 'r' -> '\r';
                case 'n' -> '\n';
                default -> next;
            });
        }
        return out.toString();
    }

    /** The parameter at {@code index}, or empty text when the server sent fewer. */
    public String param(int index) {
        return index >= 0 && index < params.size() ? params.get(index) : "";
    }

    /** The last parameter (usually the text), or empty text. */
    public String last() {
        return params.isEmpty() ? "" : params.getLast();
    }

    /** The nick of the source ({@code nick} of {@code nick!user@host}), or the server name. */
    public String sourceNick() {
        int bang = source.indexOf('!');
        int at = source.indexOf('@');
        int end = bang >= 0 ? bang : at >= 0 ? at : source.length();
        return source.substring(0, end);
    }

    /** {@code user@host} of the source, or null when the prefix has none. */
    public String sourceAddress() {
        int bang = source.indexOf('!');
        return bang < 0 ? null : source.substring(bang + 1);
    }

    /** The host of the source, or null. */
    public String sourceHost() {
        int at = source.indexOf('@');
        return at < 0 ? null : source.substring(at + 1);
    }

    public boolean isNumeric() {
        return command.length() == 3 && Character.isDigit(command.charAt(0))
                && Character.isDigit(command.charAt(1)) && Character.isDigit(command.charAt(2));
    }

    public Optional<String> tag(String name) {
        return Optional.ofNullable(tags.get(name));
    }
}
