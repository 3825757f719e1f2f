package org.switchboard.irc.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.protocol.model.RoomRole;

/**
 * What the server said about itself: ISUPPORT (numeric 005) and the IRCv3 capabilities it
 * acknowledged. Read on the connection's reading thread, asked from any thread.
 */
final class ServerSupport {

    private final Map<String, String> isupport = new ConcurrentHashMap<>();
    private final Set<String> capabilities = ConcurrentHashMap.newKeySet();
    private volatile CaseMapping caseMapping = CaseMapping.RFC1459;
    /** Prefix mode letter to the sign shown before nicks, highest first. */
    private volatile Map<Character, Character> prefixes = defaultPrefixes();
    private volatile String channelTypes = "#&";
    private volatile String modesWithParameter = "beIkfjl";
    private volatile String modesWithParameterWhenSet = "l";

    private static Map<Character, Character> defaultPrefixes() {
        Map<Character, Character> map = new LinkedHashMap<>();
        map.put('o', '@');
        map.put('v', '+');
        return map;
    }

    /** Takes the tokens of one 005 line ({@code KEY=value} or {@code KEY} or {@code -KEY}). */
    void isupport(List<String> tokens) {
        for (String token : tokens) {
            if (token.startsWith("-")) {
                isupport.remove(token.substring(1).toUpperCase(Locale.ROOT));
                continue;
            }
            int eq = token.indexOf('=');
            String key = (eq < 0 ? token : token.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : token.substring(eq + 1);
            isupport.put(key, value);
            switch (key) {
                case "CASEMAPPING" -> caseMapping = CaseMapping.of(value);
                case "PREFIX" -> parsePrefix(value);
                case "CHANTYPES" -> channelTypes = value.isEmpty() ? "#&" : value;
                case "CHANMODES" -> parseChanModes(value);
                default -> { }
            }
        }
    }

    private void parsePrefix(String value) {
        int close = value.indexOf(')');
        if (!value.startsWith("(") || close < 0) {
            return;
        }
        String modes = value.substring(1, close);
        String signs = value.substring(close + 1);
        if (modes.length() != signs.length()) {
            return;
        }
        Map<Character, Character> map = new LinkedHashMap<>();
        for (int i = 0; i < modes.length(); i++) {
            map.put(modes.charAt(i), signs.charAt(i));
        }
        prefixes = map;
    }

    private void parseChanModes(String value) {
        String[] groups = value.split(",", -1);
        if (groups.length < 3) {
            return;
        }
        modesWithParameter = groups[0] + groups[1];
        modesWithParameterWhenSet = groups[2];
    }

    void capabilityEnabled(String cap) {
        capabilities.add(cap);
    }

    boolean has(String capability) {
        return capabilities.contains(capability);
    }

    boolean supportsMonitor() {
        return isupport.containsKey("MONITOR");
    }

    /** How many nicks MONITOR may watch, or {@code Integer.MAX_VALUE} when the server sets no limit. */
    int monitorLimit() {
        String value = isupport.getOrDefault("MONITOR", "");
        try {
            return value.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    String fold(String name) {
        return caseMapping.fold(name);
    }

    boolean isChannel(String target) {
        return !target.isEmpty() && channelTypes.indexOf(target.charAt(0)) >= 0;
    }

    String channelTypes() {
        return channelTypes;
    }

    boolean isPrefixMode(char mode) {
        return prefixes.containsKey(mode);
    }

    /** Whether a channel mode letter takes a parameter when set ({@code adding}) or unset. */
    boolean takesParameter(char mode, boolean adding) {
        return isPrefixMode(mode) || modesWithParameter.indexOf(mode) >= 0
                || adding && modesWithParameterWhenSet.indexOf(mode) >= 0;
    }

    /** Splits a NAMES entry ({@code @+nick!user@host}) into its prefix signs and the rest. */
    int prefixLength(String entry) {
        int i = 0;
        while (i < entry.length() && prefixes.containsValue(entry.charAt(i))) {
            i++;
        }
        return i;
    }

    Character signOf(char mode) {
        return prefixes.get(mode);
    }

    /** The role of the highest of these prefix signs. */
    RoomRole role(Set<Character> signs) {
        for (char sign : prefixes.values()) {
            if (signs.contains(sign)) {
                return switch (sign) {
                    case '~' -> RoomRole.OWNER;
                    case '&' -> RoomRole.ADMIN;
                    case '@', '%' -> RoomRole.MODERATOR;
                    case '+' -> RoomRole.VOICED;
                    default -> RoomRole.MEMBER;
                };
            }
        }
        return RoomRole.MEMBER;
    }
}
