package org.switchboard.irc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolException;

/**
 * An IRC account's settings, read once per connect. Besides the fields of the account dialog
 * ({@link IrcProvider#accountSchema()}) a few tuning keys exist for tests and unusual
 * networks: {@value #FLOOD_BURST}, {@value #FLOOD_PER_SECOND}, {@value #POLL_SECONDS},
 * {@value #CONNECT_TIMEOUT_SECONDS}.
 */
public record IrcSettings(String host, int port, boolean tls, String nick, List<String> alternateNicks,
                          String username, String realName, Optional<String> serverPassword,
                          Optional<String> saslAccount, Optional<String> saslPassword, boolean nickServ,
                          List<String> channels, List<String> friends, int floodBurst, double floodPerSecond,
                          Duration pollInterval, Duration connectTimeout) {

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String TLS = "tls";
    public static final String NICK = "nick";
    public static final String ALTERNATE_NICKS = "alt-nicks";
    public static final String USERNAME = "username";
    public static final String REAL_NAME = "realname";
    public static final String SERVER_PASSWORD = "server-password";
    public static final String SASL_ACCOUNT = "sasl-account";
    public static final String SASL_PASSWORD = "sasl-password";
    public static final String NICKSERV = "nickserv";
    public static final String CHANNELS = "channels";
    /** Nicks on the friends list at connect; the list changes at run time with {@code Roster.add/remove}. */
    public static final String FRIENDS = "friends";
    /** Lines sent at once before the flood control slows down (default 5). */
    public static final String FLOOD_BURST = "flood.burst";
    /** Lines per second after the burst (default 2). */
    public static final String FLOOD_PER_SECOND = "flood.per-second";
    /** How often friends are polled with ISON/WHO where MONITOR or away-notify is missing (default 60). */
    public static final String POLL_SECONDS = "presence.poll-seconds";
    /** How long a connect may take up to the end of registration (default 30). */
    public static final String CONNECT_TIMEOUT_SECONDS = "connect.timeout-seconds";

    public static final int DEFAULT_PORT = 6697;

    /** RFC 2812 nicks, plus the digits and dashes every server allows after the first letter. */
    public static final Pattern NICK_PATTERN = Pattern.compile("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]{0,49}");
    static final Pattern NICK_LIST_PATTERN = Pattern.compile("\\s*(" + NICK_PATTERN.pattern() + "(\\s*,\\s*"
            + NICK_PATTERN.pattern() + ")*)?\\s*,?\\s*");
    static final Pattern CHANNEL_LIST_PATTERN = Pattern.compile("\\s*([#&]?[^\\s,\\x07]+(\\s+[^\\s,]+)?"
            + "(\\s*,\\s*[#&]?[^\\s,\\x07]+(\\s+[^\\s,]+)?)*)?\\s*,?\\s*");
    static final Pattern USERNAME_PATTERN = Pattern.compile("[^\\s@:]{1,50}");

    /** Reads and checks the settings; a bad value fails with INVALID_INPUT and a readable message. */
    public static IrcSettings of(AccountConfig config) throws ProtocolException {
        String host = config.text(HOST, "").strip();
        if (host.isEmpty()) {
            throw invalid("The account has no server host name");
        }
        int port;
        try {
            port = config.port(PORT, DEFAULT_PORT);
        } catch (NumberFormatException e) {
            throw invalid("The port must be a number from 1 to 65535");
        }
        if (port < 1 || port > 65535) {
            throw invalid("The port must be a number from 1 to 65535");
        }
        String nick = config.text(NICK, "").strip();
        if (!NICK_PATTERN.matcher(nick).matches()) {
            throw invalid("\"" + nick + "\" is not a valid IRC nick: it starts with a letter or one of"
                    + " [\\]^_`{|}, and has no spaces, commas or colons");
        }
        List<String> alternates = new ArrayList<>();
        for (String alt : split(config.text(ALTERNATE_NICKS, ""))) {
            if (!NICK_PATTERN.matcher(alt).matches()) {
                throw invalid("The alternate nick \"" + alt + "\" is not a valid IRC nick");
            }
            alternates.add(alt);
        }
        String username = config.text(USERNAME, nick).strip();
        if (!USERNAME_PATTERN.matcher(username).matches()) {
            throw invalid("The user name may not contain spaces, '@' or ':'");
        }
        String realName = config.text(REAL_NAME, nick).strip();
        Optional<String> saslAccount = config.setting(SASL_ACCOUNT).map(String::strip);
        Optional<String> saslPassword = config.secret(SASL_PASSWORD).filter(p -> !p.isEmpty());
        if (saslAccount.isPresent() && saslPassword.isEmpty()) {
            throw invalid("A SASL account needs its password");
        }
        List<String> channels = split(config.text(CHANNELS, ""));
        for (String channel : channels) {
            if (channel.contains(" ") && channel.indexOf(' ') != channel.lastIndexOf(' ')) {
                throw invalid("The channel entry \"" + channel + "\" has more than a name and a key");
            }
        }
        List<String> friends = new ArrayList<>(new LinkedHashSet<>(split(config.text(FRIENDS, ""))));
        for (String friend : friends) {
            if (!NICK_PATTERN.matcher(friend).matches()) {
                throw invalid("The friend \"" + friend + "\" is not a valid IRC nick");
            }
        }
        try {
            int burst = Integer.parseInt(config.text(FLOOD_BURST, "5").strip());
            double perSecond = Double.parseDouble(config.text(FLOOD_PER_SECOND, "2").strip());
            double poll = Double.parseDouble(config.text(POLL_SECONDS, "60").strip());
            double connectTimeout = Double.parseDouble(config.text(CONNECT_TIMEOUT_SECONDS, "30").strip());
            if (burst < 1 || perSecond <= 0 || poll <= 0 || connectTimeout <= 0) {
                throw invalid("Flood, poll and timeout settings must be positive");
            }
            return new IrcSettings(host, port, config.flag(TLS, true), nick, List.copyOf(alternates), username,
                    realName, config.secret(SERVER_PASSWORD).filter(p -> !p.isEmpty()), saslAccount, saslPassword,
                    config.flag(NICKSERV, false), List.copyOf(channels), List.copyOf(friends), burst, perSecond,
                    Duration.ofMillis((long) (poll * 1000)), Duration.ofMillis((long) (connectTimeout * 1000)));
        } catch (NumberFormatException e) {
            throw invalid("Flood, poll and timeout settings must be numbers");
        }
    }

    /** Nicks to try in order: the nick, the alternates, then the nick with one and two underscores. */
    public List<String> nicksToTry() {
        Set<String> all = new LinkedHashSet<>();
        all.add(nick);
        all.addAll(alternateNicks);
        all.add(nick + "_");
        all.add(nick + "__");
        return List.copyOf(all);
    }

    /** Whether SASL PLAIN is configured. */
    public boolean wantsSasl() {
        return saslAccount.isPresent() && saslPassword.isPresent();
    }

    static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String item = part.strip();
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(ProtocolException.Reason.INVALID_INPUT, message);
    }

    @Override
    public String toString() {
        return nick + "@" + host + ":" + port + (tls ? " (TLS)" : "");
    }
}
