package org.switchboard.irc.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.switchboard.irc.IrcSettings;
import org.switchboard.protocol.event.ProtocolEvent.MessageReceived;
import org.switchboard.protocol.event.ProtocolEvent.ServerNotice;
import org.switchboard.protocol.model.ChatMessage;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.Messaging;

/**
 * Private messages (1:1 conversations with a nick), CTCP and notices.
 *
 * <p>IRC messages carry no id: an incoming message gets a fresh client id (and the server's
 * {@code msgid} tag as network id where the server sends one). Nothing is added to the wire to
 * carry ids between Switchboard users; IRC has no receipts or archives that would need them,
 * and every message goes out at once, whoever the peer is.
 *
 * <p>Bodies starting with {@code "/me "} go out as CTCP ACTION; incoming ACTIONs become
 * {@code "/me text"}. Long bodies are split (see {@link MessageSplitter}); {@link #maxBodyBytes()}
 * is therefore large.
 */
final class IrcMessaging implements Messaging {

    static final String VERSION_REPLY = "Switchboard IRC (PircBotX 2.1)";
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> SERVICES = Set.of("nickserv", "chanserv", "memoserv", "operserv", "hostserv",
            "botserv", "saslserv", "global", "infoserv", "alis", "statserv", "groupserv");

    private final IrcSession session;
    private volatile TokenBucket ctcpReplies = replies();

    IrcMessaging(IrcSession session) {
        this.session = session;
    }

    private static TokenBucket replies() {
        return new TokenBucket(4, 0.5, System::nanoTime);
    }

    void attach(Link link) {
        ctcpReplies = replies();
    }

    void detach(Link link) {
        // Nothing is kept per connection but the reply budget, renewed at the next attach.
    }

    @Override
    public CompletableFuture<MessageId> send(OutgoingMessage message) {
        try {
            Link link = session.live();
            String nick = message.to().handle().strip();
            if (message.body().isBlank()) {
                throw new ProtocolException(Reason.INVALID_INPUT, "The message is empty");
            }
            if (!IrcSettings.NICK_PATTERN.matcher(nick).matches()) {
                throw new ProtocolException(Reason.INVALID_INPUT, "\"" + nick + "\" is not an IRC nick");
            }
            if (MessageSplitter.utf8Length(message.body()) > MAX_BODY_BYTES) {
                throw new ProtocolException(Reason.INVALID_INPUT, "The message is longer than " + MAX_BODY_BYTES + " bytes");
            }
            String folded = link.fold(nick);
            CompletableFuture<MessageId> result = new CompletableFuture<>();
            List<String> lines = lines(link, nick, message.body());
            if (lines.isEmpty()) {
                throw new ProtocolException(Reason.INVALID_INPUT, "The message is empty");
            }
            link.send(lines, folded).whenComplete((ok, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(ProtocolException.from(failure));
                } else {
                    result.complete(message.id());
                }
            });
            return result;
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The PRIVMSG lines for a body: split to fit, ACTION for "/me ". */
    static List<String> lines(Link link, String target, String body) {
        boolean action = body.startsWith("/me ");
        String text = action ? body.substring(4) : body;
        int budget = link.textBudget("PRIVMSG", target) - (action ? 9 : 0);
        List<String> lines = new ArrayList<>();
        List<String> pieces = MessageSplitter.split(text, budget);
        for (int i = 0; i < pieces.size(); i++) {
            lines.add("PRIVMSG " + target + " :" + (action ? Ctcp.wrap("ACTION", pieces.get(i)) : pieces.get(i)));
        }
        return lines;
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    /** Private PRIVMSG and NOTICE, CTCP, and notices of the server and its services. */
    void onLine(Link link, IrcLine line) {
        String command = line.command();
        if (!command.equals("PRIVMSG") && !command.equals("NOTICE")) {
            return;
        }
        String target = line.param(0);
        if (link.support.isChannel(target) || link.support.isChannel(stripStatusPrefix(link, target))) {
            return;
        }
        String from = line.sourceNick();
        String text = line.last();
        if (line.sourceAddress() == null) {
            if (command.equals("NOTICE")) {
                session.emit(new ServerNotice(session.account(), from, IrcText.strip(text)));
            }
            return;
        }
        String folded = link.fold(from);
        var ctcp = Ctcp.parse(text);
        if (ctcp.isPresent()) {
            onCtcp(link, command, from, folded, ctcp.get(), line);
            return;
        }
        if (command.equals("NOTICE") && SERVICES.contains(folded)) {
            session.emit(new ServerNotice(session.account(), from, IrcText.strip(text)));
            return;
        }
        deliver(line, folded, IrcText.strip(text), command.equals("NOTICE") ? MessageKind.NOTICE : MessageKind.CHAT);
    }

    private void onCtcp(Link link, String command, String from, String folded, Ctcp ctcp, IrcLine line) {
        if (command.equals("NOTICE")) {
            return;
        }
        switch (ctcp.command()) {
            case "ACTION" -> deliver(line, folded, "/me " + IrcText.strip(ctcp.argument()), MessageKind.CHAT);
            case "VERSION" -> reply(link, from, "VERSION", VERSION_REPLY);
            case "PING" -> reply(link, from, "PING", IrcText.strip(ctcp.argument()).substring(0,
                    Math.min(64, IrcText.strip(ctcp.argument()).length())));
            case "CLIENTINFO" -> reply(link, from, "CLIENTINFO", "ACTION CLIENTINFO PING VERSION");
            default -> { }
        }
    }

    /** Answers a CTCP request, at most a few a second so that a flood of requests cannot flood the server. */
    private void reply(Link link, String to, String command, String argument) {
        if (ctcpReplies.tryTake() == 0) {
            link.sendQuietly("NOTICE " + to + " :" + Ctcp.wrap(command, argument));
        }
    }

    private void deliver(IrcLine line, String folded, String body, MessageKind kind) {
        if (body.isBlank()) {
            return;
        }
        MessageId id = MessageId.of(UUID.randomUUID().toString());
        Instant at = ServerTime.of(line.tags(), Instant.now());
        MessageId withNetwork = line.tag("msgid").map(id::withNetworkId).orElse(id);
        session.emit(new MessageReceived(session.account(), new ChatMessage(withNetwork, session.address(folded),
                Direction.INCOMING, body, at, kind)));
    }

    /** {@code @#channel} (STATUSMSG) names the channel after its prefix signs. */
    static String stripStatusPrefix(Link link, String target) {
        return target.substring(link.support.prefixLength(target));
    }
}
