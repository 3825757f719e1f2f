package org.switchboard.irc.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.switchboard.irc.IrcSettings;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.event.ProtocolEvent.RoomActivityOccurred;
import org.switchboard.protocol.event.ProtocolEvent.RoomInvitationReceived;
import org.switchboard.protocol.event.ProtocolEvent.RoomJoined;
import org.switchboard.protocol.event.ProtocolEvent.RoomLeft;
import org.switchboard.protocol.event.ProtocolEvent.RoomMessageReceived;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.OutgoingRoomMessage;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomMessage;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.GroupChat;

/**
 * IRC channels as rooms. Room names are case-folded with the server's CASEMAPPING and keep
 * their {@code #} or {@code &}; {@code room("x")} is {@code #x}. The nick is network-wide, so the
 * {@code nick} argument of {@link #join} is ignored and {@link #changeNick} changes it everywhere.
 *
 * <p>The session remembers the channels the user is in (and those of the account settings) and
 * joins them again after every connect, reporting {@code RoomJoined} again. The user's own room
 * messages are reported back as OUTGOING {@code RoomMessageReceived} with their id once the
 * server took them, as on networks that echo them.
 */
final class IrcGroupChat implements GroupChat {

    private final IrcSession session;
    private final Object lock = new Object();
    /** Folded channel name to its state, for the live connection. */
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    /** Channels to be in after every connect: folded name to [name, key or null]. */
    private final Map<String, String[]> wanted = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Void>> joining = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> leaving = new HashMap<>();
    private CompletableFuture<Void> nickChange;

    IrcGroupChat(IrcSession session) {
        this.session = session;
    }

    @Override
    public boolean supports(Feature feature) {
        return feature == Feature.TOPIC || feature == Feature.INVITE;
    }

    @Override
    public RoomAddress room(String userInput) {
        String name = userInput == null ? "" : userInput.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Type the name of a channel");
        }
        Link link = session.current();
        String types = link != null ? link.support.channelTypes() : "#&";
        if (types.indexOf(name.charAt(0)) < 0) {
            name = "#" + name;
        }
        if (name.length() < 2 || name.length() > 200 || name.chars().anyMatch(c -> c == ' ' || c == ',' || c == 7 || c < 32)) {
            throw new IllegalArgumentException("\"" + userInput.strip() + "\" is not a channel name: no spaces or commas");
        }
        return new RoomAddress(session.account(), link != null ? link.fold(name) : CaseMapping.RFC1459.fold(name));
    }

    /** A new connection: join what the user was in, and the account's channels. */
    void attach(Link link) {
        Map<String, String[]> toJoin = new LinkedHashMap<>();
        for (String entry : link.settings.channels()) {
            String[] parts = entry.split("\\s+", 2);
            try {
                RoomAddress room = room(parts[0]);
                toJoin.put(room.name(), new String[] {room.name(), parts.length > 1 ? parts[1] : null});
            } catch (IllegalArgumentException e) {
                // Checked when the settings were read; a name the server's channel types refuse is skipped.
            }
        }
        synchronized (lock) {
            channels.clear();
            wanted.forEach((folded, entry) -> toJoin.put(link.fold(folded), entry));
        }
        toJoin.values().forEach(entry -> link.sendQuietly("JOIN " + entry[0] + (entry[1] == null ? "" : " " + entry[1])));
    }

    /** The connection ended: every room is left (and will be joined again at the next connect). */
    void detach(Link link, String reason) {
        List<Channel> left;
        List<CompletableFuture<Void>> joins;
        List<CompletableFuture<Void>> leaves;
        CompletableFuture<Void> nick;
        synchronized (lock) {
            left = new ArrayList<>(channels.values());
            channels.clear();
            joins = new ArrayList<>(joining.values());
            leaves = new ArrayList<>(leaving.values());
            joining.clear();
            leaving.clear();
            nick = nickChange;
            nickChange = null;
        }
        for (Channel channel : left) {
            if (channel.reported) {
                session.emit(new RoomLeft(session.account(), channel.room, reason, false));
            }
        }
        ProtocolException gone = new ProtocolException(Reason.NOT_CONNECTED, reason);
        joins.forEach(f -> f.completeExceptionally(gone));
        leaves.forEach(f -> f.complete(null));
        if (nick != null) {
            nick.completeExceptionally(gone);
        }
    }

    @Override
    public CompletableFuture<Void> join(RoomAddress room, String nick, String password) {
        try {
            Link link = session.live();
            String folded = link.fold(room.name());
            CompletableFuture<Void> result;
            synchronized (lock) {
                Channel channel = channels.get(folded);
                if (channel != null && channel.reported) {
                    return CompletableFuture.completedFuture(null);
                }
                result = joining.computeIfAbsent(folded, k -> new CompletableFuture<>());
                wanted.putIfAbsent(folded, new String[] {room.name(), blankToNull(password)});
            }
            String key = blankToNull(password);
            link.send(List.of("JOIN " + room.name() + (key == null ? "" : " " + key)), folded)
                    .whenComplete((ok, failure) -> {
                        boolean in;
                        synchronized (lock) {
                            Channel channel = channels.get(folded);
                            in = channel != null && channel.reported;
                            joining.remove(folded, result);
                            if (!in) {
                                wanted.remove(folded);
                            }
                        }
                        if (in) {
                            result.complete(null);
                        } else {
                            result.completeExceptionally(failure != null ? ProtocolException.from(failure)
                                    : new ProtocolException(Reason.REJECTED, "The server did not let us into " + room.name()));
                        }
                    });
            return result.copy();
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> leave(RoomAddress room, String reason) {
        Link link = session.current();
        CompletableFuture<Void> result;
        String folded = link != null ? link.fold(room.name()) : room.name();
        synchronized (lock) {
            wanted.remove(folded);
            Channel channel = channels.get(folded);
            if (link == null || !link.isReady() || channel == null) {
                return CompletableFuture.completedFuture(null);
            }
            result = leaving.computeIfAbsent(folded, k -> new CompletableFuture<>());
        }
        String why = reason == null ? "" : oneLine(reason);
        link.send(List.of("PART " + channelName(folded) + (why.isEmpty() ? "" : " :" + why)), folded)
                .whenComplete((ok, failure) -> {
                    // The server echoes PART before it answers the confirming PING, so RoomLeft is out by now;
                    // leaving never fails, not even when the server had already dropped the user.
                    synchronized (lock) {
                        leaving.remove(folded, result);
                    }
                    result.complete(null);
                });
        return result.copy();
    }

    @Override
    public Set<RoomAddress> joined() {
        synchronized (lock) {
            return channels.values().stream().filter(c -> c.reported).map(c -> c.room)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public CompletableFuture<MessageId> send(OutgoingRoomMessage message) {
        try {
            Link link = session.live();
            if (message.body().isBlank()) {
                throw new ProtocolException(Reason.INVALID_INPUT, "The message is empty");
            }
            if (MessageSplitter.utf8Length(message.body()) > IrcMessaging.MAX_BODY_BYTES) {
                throw new ProtocolException(Reason.INVALID_INPUT, "The message is longer than "
                        + IrcMessaging.MAX_BODY_BYTES + " bytes");
            }
            String folded = link.fold(message.room().name());
            String name;
            synchronized (lock) {
                Channel channel = channels.get(folded);
                if (channel == null || !channel.reported) {
                    throw new ProtocolException(Reason.REJECTED, "Not in " + message.room().name() + ": join it first");
                }
                name = channel.name;
            }
            List<String> lines = IrcMessaging.lines(link, name, message.body());
            return link.send(lines, folded).thenApply(ok -> {
                session.emit(new RoomMessageReceived(session.account(), new RoomMessage(message.id(), message.room(),
                        link.nick(), Direction.OUTGOING, message.body(), Instant.now(), MessageKind.CHAT, false)));
                return message.id();
            });
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public int maxBodyBytes() {
        return IrcMessaging.MAX_BODY_BYTES;
    }

    @Override
    public CompletableFuture<Void> setTopic(RoomAddress room, String topic) {
        try {
            Link link = session.live();
            String folded = link.fold(room.name());
            synchronized (lock) {
                if (!channels.containsKey(folded)) {
                    throw new ProtocolException(Reason.REJECTED, "Not in " + room.name());
                }
            }
            return link.send(List.of("TOPIC " + channelName(folded) + " :" + oneLine(topic == null ? "" : topic)), folded);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> changeNick(RoomAddress room, String nick) {
        try {
            Link link = session.live();
            String wantedNick = nick == null ? "" : nick.strip();
            if (!IrcSettings.NICK_PATTERN.matcher(wantedNick).matches()) {
                throw new ProtocolException(Reason.INVALID_INPUT, "\"" + wantedNick + "\" is not a valid IRC nick");
            }
            if (wantedNick.equals(link.nick())) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> result = new CompletableFuture<>();
            synchronized (lock) {
                if (nickChange != null) {
                    throw new ProtocolException(Reason.REJECTED, "A nick change is already under way");
                }
                nickChange = result;
            }
            link.sendQuietly("NICK " + wantedNick);
            session.scheduler().schedule(() -> {
                synchronized (lock) {
                    if (nickChange == result) {
                        nickChange = null;
                    }
                }
                result.completeExceptionally(new ProtocolException(Reason.TIMEOUT,
                        "The server did not answer the nick change in time"));
            }, LineSender.CONFIRM_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            return result.copy();
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String nick(RoomAddress room) {
        Link link = session.current();
        return link != null ? link.nick() : "";
    }

    @Override
    public CompletableFuture<Void> invite(RoomAddress room, ContactAddress contact, String reason) {
        try {
            Link link = session.live();
            String nick = contact.handle().strip();
            if (!IrcSettings.NICK_PATTERN.matcher(nick).matches()) {
                throw new ProtocolException(Reason.INVALID_INPUT, "\"" + nick + "\" is not an IRC nick");
            }
            String folded = link.fold(room.name());
            return link.send(List.of("INVITE " + nick + " " + channelName(folded)), folded);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Lines about channels: membership, roles, topic, away, invitations and messages. */
    void onLine(Link link, IrcLine line) {
        List<ProtocolEvent> events = new ArrayList<>();
        synchronized (lock) {
            ChannelLines.handle(this, link, line, events);
        }
        events.forEach(session::emit);
    }

    // Called by ChannelLines under the lock.

    Map<String, Channel> channels() {
        return channels;
    }

    RoomAddress address(String folded) {
        return new RoomAddress(session.account(), folded);
    }

    /** Remembered for the next connect; the join's future completes once the server confirmed the JOIN line. */
    void joinedReported(String folded, Channel channel) {
        wanted.computeIfAbsent(folded, k -> new String[] {channel.name, null});
    }

    void leftReported(String folded) {
        wanted.remove(folded);
    }

    void ownNickChanged(ProtocolException refusal) {
        CompletableFuture<Void> pending = nickChange;
        nickChange = null;
        if (pending == null) {
            return;
        }
        if (refusal == null) {
            pending.complete(null);
        } else {
            pending.completeExceptionally(refusal);
        }
    }

    boolean nickChangePending() {
        return nickChange != null;
    }

    ProtocolEvent message(Link link, IrcLine line, Channel channel, String body, MessageKind kind) {
        MessageId id = MessageId.of(UUID.randomUUID().toString());
        MessageId withNetwork = line.tag("msgid").map(id::withNetworkId).orElse(id);
        return new RoomMessageReceived(session.account(), new RoomMessage(withNetwork, channel.room, line.sourceNick(),
                Direction.INCOMING, body, ServerTime.of(line.tags(), Instant.now()), kind, false));
    }

    ProtocolEvent activity(Channel channel, RoomActivity activity, IrcLine line) {
        return new RoomActivityOccurred(session.account(), channel.room, activity, ServerTime.of(line.tags(), Instant.now()));
    }

    ProtocolEvent joinedEvent(Link link, Channel channel) {
        return new RoomJoined(session.account(), channel.room, link.nick(), channel.occupants(link.support), channel.topic);
    }

    ProtocolEvent leftEvent(Channel channel, String reason, boolean kicked) {
        return new RoomLeft(session.account(), channel.room, reason, kicked);
    }

    ProtocolEvent invitation(String folded, String from) {
        return new RoomInvitationReceived(session.account(), address(folded), from, "", null);
    }

    private String channelName(String folded) {
        synchronized (lock) {
            Channel channel = channels.get(folded);
            return channel != null ? channel.name : folded;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
