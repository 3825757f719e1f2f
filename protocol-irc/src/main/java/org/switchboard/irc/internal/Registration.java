package org.switchboard.irc.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.switchboard.irc.IrcSettings;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;

/**
 * The part of a connection before the server lets the user in: IRCv3 capability negotiation,
 * SASL PLAIN, nick fallbacks and the refusals a server may answer with. Written for this
 * provider because PircBotX's {@code SASLCapHandler} waits for {@code AUTHENTICATE +} while
 * InspIRCd sends {@code AUTHENTICATE :+}, and hangs instead of failing when SASL is refused.
 *
 * <p>Runs on the connection's reading thread. Ends in exactly one of {@link Outcome#ready} (end
 * of the message of the day: ISUPPORT is known) or {@link Outcome#failed}.
 */
final class Registration {

    /** Capabilities the provider uses when the server offers them. */
    static final List<String> WANTED = List.of("server-time", "multi-prefix", "away-notify", "message-tags");

    /** What the connection does with the end of registration. */
    interface Outcome {
        void ready(String nick);

        void failed(ProtocolException cause);
    }

    private final IrcSettings settings;
    private final ServerSupport support;
    private final Consumer<String> writer;
    private final Outcome outcome;
    private final List<String> nicks;
    private final Set<String> offered = new LinkedHashSet<>();
    private int nickIndex;
    private boolean capEnded;
    private boolean saslRunning;
    private boolean saslDone;
    private boolean welcomed;
    private boolean finished;
    private boolean passwordRefused;
    private String nick;

    Registration(IrcSettings settings, ServerSupport support, Consumer<String> writer, Outcome outcome) {
        this.settings = settings;
        this.support = support;
        this.writer = writer;
        this.outcome = outcome;
        this.nicks = settings.nicksToTry();
        this.nick = nicks.getFirst();
    }

    boolean finished() {
        return finished;
    }

    /** Whether SASL logged the user in (so NickServ need not be asked). */
    boolean saslSucceeded() {
        return saslDone;
    }

    /** Handles one line while registering. */
    void handle(IrcLine line) {
        if (finished) {
            return;
        }
        switch (line.command()) {
            case "CAP" -> cap(line);
            case "AUTHENTICATE" -> authenticate(line);
            case "001" -> {
                welcomed = true;
                nick = line.param(0).isEmpty() ? nick : line.param(0);
            }
            case "005" -> {
                if (line.params().size() >= 3) {
                    support.isupport(line.params().subList(1, line.params().size() - 1));
                }
            }
            case "376", "422" -> {
                if (welcomed) {
                    finish(null);
                }
            }
            case "903" -> {
                saslDone = true;
                saslRunning = false;
                endCap();
            }
            case "904", "905", "902" -> fail(new ProtocolException(Reason.AUTH_FAILED,
                    "The server refused the SASL login of " + settings.saslAccount().orElse("") + ": " + line.last()));
            case "906", "907" -> {
                saslRunning = false;
                endCap();
            }
            case "908" -> fail(new ProtocolException(Reason.AUTH_FAILED,
                    "The server does not offer SASL PLAIN (it offers " + line.param(1) + ")"));
            case "433", "436", "437", "432" -> nickRefused(line);
            case "464" -> {
                passwordRefused = true;
                fail(new ProtocolException(Reason.AUTH_FAILED, "The server refused the server password"));
            }
            case "465", "463" -> fail(new ProtocolException(Reason.REJECTED, "The server refuses this connection: "
                    + line.last()));
            case "ERROR" -> fail(errorBeforeLogin(line.last()));
            default -> { }
        }
    }

    private void cap(IrcLine line) {
        String sub = line.param(1).toUpperCase(Locale.ROOT);
        switch (sub) {
            case "LS" -> {
                boolean more = line.params().size() >= 4 && line.param(2).equals("*");
                for (String cap : line.last().split(" ")) {
                    if (!cap.isBlank()) {
                        int eq = cap.indexOf('=');
                        offered.add((eq < 0 ? cap : cap.substring(0, eq)).toLowerCase(Locale.ROOT));
                    }
                }
                if (!more) {
                    request();
                }
            }
            case "ACK" -> {
                for (String cap : line.last().split(" ")) {
                    if (!cap.isBlank() && !cap.startsWith("-")) {
                        support.capabilityEnabled(cap.toLowerCase(Locale.ROOT));
                    }
                }
                if (support.has("sasl") && settings.wantsSasl() && !saslRunning && !saslDone) {
                    saslRunning = true;
                    writer.accept("AUTHENTICATE PLAIN");
                } else if (!saslRunning) {
                    endCap();
                }
            }
            case "NAK" -> {
                if (settings.wantsSasl() && line.last().contains("sasl") && !settings.nickServ()) {
                    fail(new ProtocolException(Reason.AUTH_FAILED, "The server refused to start SASL"));
                } else {
                    endCap();
                }
            }
            default -> { }
        }
    }

    private void request() {
        List<String> caps = new ArrayList<>();
        for (String cap : WANTED) {
            if (offered.contains(cap)) {
                caps.add(cap);
            }
        }
        if (settings.wantsSasl()) {
            if (offered.contains("sasl")) {
                caps.add("sasl");
            } else if (!settings.nickServ()) {
                fail(new ProtocolException(Reason.AUTH_FAILED, "The server does not offer SASL; turn on"
                        + " NickServ identification to log in with the same password"));
                return;
            }
        }
        if (caps.isEmpty()) {
            endCap();
        } else {
            writer.accept("CAP REQ :" + String.join(" ", caps));
        }
    }

    private void authenticate(IrcLine line) {
        if (!saslRunning || !line.param(0).equals("+")) {
            return;
        }
        String account = settings.saslAccount().orElseThrow();
        String password = settings.saslPassword().orElseThrow();
        String encoded = Base64.getEncoder().encodeToString(
                (account + '\0' + account + '\0' + password).getBytes(StandardCharsets.UTF_8));
        // SASL (IRCv3) sends payloads in 400-byte pieces; one of exactly 400 is followed by "+".
        for (int i = 0; i < encoded.length(); i += 400) {
            writer.accept("AUTHENTICATE " + encoded.substring(i, Math.min(encoded.length(), i + 400)));
        }
        if (encoded.length() % 400 == 0) {
            writer.accept("AUTHENTICATE +");
        }
    }

    private void endCap() {
        if (!capEnded) {
            capEnded = true;
            writer.accept("CAP END");
        }
    }

    private void nickRefused(IrcLine line) {
        if (welcomed) {
            return;
        }
        if (++nickIndex >= nicks.size()) {
            fail(new ProtocolException(line.command().equals("432") ? Reason.INVALID_INPUT : Reason.REJECTED,
                    "The server accepts none of the nicks " + nicks + ": " + line.last()));
            return;
        }
        nick = nicks.get(nickIndex);
        writer.accept("NICK " + nick);
    }

    private ProtocolException errorBeforeLogin(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (passwordRefused || lower.contains("password")) {
            return new ProtocolException(Reason.AUTH_FAILED, "The server refused the server password: " + text);
        }
        if (lower.contains("ban") || lower.contains("k-line") || lower.contains("g-line")) {
            return new ProtocolException(Reason.REJECTED, "The server refuses this connection: " + text);
        }
        return new ProtocolException(Reason.NETWORK, "The server closed the connection: " + text);
    }

    private void fail(ProtocolException cause) {
        if (!finished) {
            finish(cause);
        }
    }

    private void finish(ProtocolException cause) {
        finished = true;
        if (cause != null) {
            outcome.failed(cause);
        } else {
            outcome.ready(nick);
        }
    }
}
