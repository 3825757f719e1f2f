package org.switchboard.irc.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * <p>IRC messages carry no id. So that a message keeps the id the app gave it end to end, the
 * provider asks each new peer once per connection for its CTCP VERSION; to a peer that answers
 * as Switchboard, every message is preceded by a CTCP {@code SBID} naming its id, which the
 * receiving Switchboard pairs with the next message from that nick. Other clients never see an
 * {@code SBID}. A peer that does not answer within {@value #PROBE_SECONDS} s counts as another client.
 *
 * <p>Bodies starting with {@code "/me "} go out as CTCP ACTION; incoming ACTIONs become
 * {@code "/me text"}. Long bodies are split (see {@link MessageSplitter}); {@link #maxBodyBytes()}
 * is therefore large.
 */
final class IrcMessaging implements Messaging {

    static final String VERSION_REPLY = "Switchboard IRC (PircBotX 2.1)";
    static final long PROBE_SECONDS = 3;
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> SERVICES = Set.of("nickserv", "chanserv", "memoserv", "operserv", "hostserv",
            "botserv", "saslserv", "global", "infoserv", "alis", "statserv", "groupserv");

    private final IrcSession session;
    /** Per folded nick: whether it runs Switchboard (null while asking), and what waits for the answer. */
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    /** Per folded nick: the id its next message carries, from its last SBID. */
    private final Map<String, String> announcedIds = new ConcurrentHashMap<>();
    private volatile TokenBucket ctcpReplies = replies();

    private static final class Peer {
        Boolean switchboard;
        final List<Consumer<Boolean>> waiting = new ArrayList<>();
    }

    IrcMessaging(IrcSession session) {
        this.session = session;
    }

    private static TokenBucket replies() {
        return new TokenBucket(4, 0.5, System::nanoTime);
    }

    void attach(Link link) {
        peers.clear();
        announcedIds.clear();
        ctcpReplies = replies();
    }

    void detach(Link link) {
        List<Consumer<Boolean>> waiting = new ArrayList<>();
        synchronized (peers) {
            peers.values().forEach(p -> waiting.addAll(p.waiting));
            peers.clear();
        }
        waiting.forEach(w -> w.accept(false));
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
            whenKnown(link, nick, folded, switchboard -> {
                List<String> lines = lines(link, nick, message.body(), switchboard ? message.id().clientId() : null);
                if (lines.isEmpty()) {
                    result.completeExceptionally(new ProtocolException(Reason.INVALID_INPUT, "The message is empty"));
                    return;
                }
                link.send(lines, folded).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(ProtocolException.from(failure));
                    } else {
                        result.complete(message.id());
                    }
                });
            });
            return result;
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The PRIVMSG lines for a body: split to fit, ACTION for "/me ", each piece preceded by its SBID when wanted. */
    static List<String> lines(Link link, String target, String body, String clientId) {
        boolean action = body.startsWith("/me ");
        String text = action ? body.substring(4) : body;
        int budget = link.textBudget("PRIVMSG", target) - (action ? 9 : 0);
        List<String> lines = new ArrayList<>();
        List<String> pieces = MessageSplitter.split(text, budget);
        for (int i = 0; i < pieces.size(); i++) {
            if (clientId != null) {
                lines.add("PRIVMSG " + target + " :" + Ctcp.wrap("SBID", i == 0 ? clientId : clientId + ":" + (i + 1)));
            }
            lines.add("PRIVMSG " + target + " :" + (action ? Ctcp.wrap("ACTION", pieces.get(i)) : pieces.get(i)));
        }
        return lines;
    }

    private void whenKnown(Link link, String nick, String folded, Consumer<Boolean> then) {
        Boolean known;
        boolean ask = false;
        synchronized (peers) {
            Peer peer = peers.computeIfAbsent(folded, k -> new Peer());
            known = peer.switchboard;
            if (known == null) {
                ask = peer.waiting.isEmpty();
                peer.waiting.add(then);
            }
        }
        if (known != null) {
            then.accept(known);
            return;
        }
        if (ask) {
            link.sendQuietly("PRIVMSG " + nick + " :" + Ctcp.wrap("VERSION", ""));
            session.scheduler().schedule(() -> identified(folded, false), PROBE_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void identified(String folded, boolean switchboard) {
        List<Consumer<Boolean>> waiting;
        synchronized (peers) {
            Peer peer = peers.computeIfAbsent(folded, k -> new Peer());
            if (peer.switchboard != null) {
                return;
            }
            peer.switchboard = switchboard;
            waiting = List.copyOf(peer.waiting);
            peer.waiting.clear();
        }
        waiting.forEach(w -> w.accept(switchboard));
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    /** Private PRIVMSG and NOTICE, CTCP, and notices of the server and its services. */
    void onLine(Link link, IrcLine line) {
        String command = line.command();
        if (command.equals("401")) {
            identified(link.fold(line.param(1)), false);
            return;
        }
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
            if (ctcp.command().equals("VERSION")) {
                identified(folded, ctcp.argument().startsWith("Switchboard"));
            }
            return;
        }
        switch (ctcp.command()) {
            case "ACTION" -> deliver(line, folded, "/me " + IrcText.strip(ctcp.argument()), MessageKind.CHAT);
            case "SBID" -> {
                String id = IrcText.strip(ctcp.argument()).strip();
                if (!id.isEmpty() && id.length() <= 100) {
                    announcedIds.put(folded, id);
                }
            }
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
        String announced = announcedIds.remove(folded);
        MessageId id = MessageId.of(announced != null ? announced : UUID.randomUUID().toString());
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
