package org.switchboard.core.command;

import java.util.Locale;

/**
 * Reads a line typed into a conversation's input. A line that does not start with {@code /} is
 * text; {@code //text} is the text {@code /text}; {@code /me text} is an action, sent as the body
 * {@code "/me text"} (XEP-0245), which providers turn into their network's form.
 */
public final class CommandParser {

    /** The commands, as {@code /help} lists them. */
    public static final java.util.List<String> COMMANDS =
            java.util.List.of("join", "part", "nick", "msg", "me", "topic", "invite", "away", "quit", "help");

    private CommandParser() {
    }

    public static InputCommand parse(String line) {
        String text = line == null ? "" : line.strip();
        if (!text.startsWith("/")) {
            return new InputCommand.Say(text);
        }
        if (text.startsWith("//")) {
            return new InputCommand.Say(text.substring(1));
        }
        int space = indexOfWhitespace(text);
        String name = (space < 0 ? text.substring(1) : text.substring(1, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space).strip();
        return switch (name) {
            case "me" -> rest.isEmpty() ? new InputCommand.Usage(name) : new InputCommand.Say("/me " + rest);
            case "join", "j" -> {
                String[] words = rest.split("\\s+", 3);
                yield rest.isEmpty() ? new InputCommand.Usage("join")
                        : new InputCommand.Join(words[0], words.length > 1 ? words[1] : null);
            }
            case "part", "leave" -> new InputCommand.Part(rest);
            case "nick" -> rest.isEmpty() || indexOfWhitespace(rest) >= 0 ? new InputCommand.Usage(name)
                    : new InputCommand.Nick(rest);
            case "msg", "query" -> {
                int gap = indexOfWhitespace(rest);
                yield gap < 0 || rest.substring(gap).isBlank() ? new InputCommand.Usage("msg")
                        : new InputCommand.Msg(rest.substring(0, gap), rest.substring(gap).strip());
            }
            case "topic" -> new InputCommand.Topic(rest.isEmpty() ? null : rest);
            case "invite" -> {
                int gap = indexOfWhitespace(rest);
                yield rest.isEmpty() ? new InputCommand.Usage("invite") : gap < 0 ? new InputCommand.Invite(rest, "")
                        : new InputCommand.Invite(rest.substring(0, gap), rest.substring(gap).strip());
            }
            case "away" -> new InputCommand.Away(rest);
            case "back" -> new InputCommand.Away("");
            case "quit" -> new InputCommand.Quit(rest);
            case "help", "?" -> new InputCommand.Help();
            default -> new InputCommand.Unknown(name);
        };
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
