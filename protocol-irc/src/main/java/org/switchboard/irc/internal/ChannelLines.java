package org.switchboard.irc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.model.MessageKind;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomRole;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;

/**
 * What each channel-related line does to the rooms' state, and which events it makes. Runs
 * under the rooms' lock on the reading thread; the events are reported after the lock is released.
 */
final class ChannelLines {

    private ChannelLines() {
    }

    static void handle(IrcGroupChat rooms, Link link, IrcLine line, List<ProtocolEvent> events) {
        Map<String, Channel> channels = rooms.channels();
        String ownFolded = link.fold(link.nick());
        String source = line.sourceNick();
        String sourceFolded = link.fold(source);
        boolean own = sourceFolded.equals(ownFolded) && line.sourceAddress() != null;
        switch (line.command()) {
            case "JOIN" -> {
                String name = line.param(0);
                String folded = link.fold(name);
                if (own) {
                    link.ownAddress(line.sourceAddress());
                    Channel channel = new Channel(rooms.address(folded), name);
                    channel.member(ownFolded, link.nick()).address = line.sourceAddress();
                    channels.put(folded, channel);
                    return;
                }
                Channel channel = channels.get(folded);
                if (channel != null) {
                    Channel.Member member = channel.member(sourceFolded, source);
                    member.address = line.sourceAddress();
                    if (channel.reported) {
                        events.add(rooms.activity(channel, new RoomActivity.Joined(
                                Channel.occupant(member, link.support)), line));
                    }
                }
            }
            case "332" -> {
                Channel channel = channels.get(link.fold(line.param(1)));
                if (channel != null) {
                    channel.topic = IrcText.strip(line.last());
                }
            }
            case "353" -> names(link, line, channels.get(link.fold(line.param(2))));
            case "366" -> {
                String folded = link.fold(line.param(1));
                Channel channel = channels.get(folded);
                if (channel != null && !channel.reported) {
                    channel.reported = true;
                    rooms.joinedReported(folded, channel);
                    events.add(rooms.joinedEvent(link, channel));
                }
            }
            case "PART" -> {
                String folded = link.fold(line.param(0));
                Channel channel = channels.get(folded);
                if (channel == null) {
                    return;
                }
                if (own) {
                    channels.remove(folded);
                    rooms.leftReported(folded);
                    events.add(rooms.leftEvent(channel, "", false));
                } else if (channel.members.remove(sourceFolded) != null) {
                    events.add(rooms.activity(channel, new RoomActivity.Left(source,
                            IrcText.strip(line.params().size() > 1 ? line.last() : "")), line));
                }
            }
            case "KICK" -> {
                String folded = link.fold(line.param(0));
                Channel channel = channels.get(folded);
                String victim = line.param(1);
                String reason = IrcText.strip(line.params().size() > 2 ? line.last() : "");
                if (channel == null) {
                    return;
                }
                if (link.fold(victim).equals(ownFolded)) {
                    channels.remove(folded);
                    rooms.leftReported(folded);
                    events.add(rooms.leftEvent(channel, source + ": " + reason, true));
                } else {
                    Channel.Member member = channel.members.remove(link.fold(victim));
                    events.add(rooms.activity(channel, new RoomActivity.Kicked(
                            member != null ? member.nick : victim, source, reason), line));
                }
            }
            case "QUIT" -> {
                String reason = IrcText.strip(line.params().isEmpty() ? "" : line.last());
                for (Channel channel : channels.values()) {
                    Channel.Member member = channel.members.remove(sourceFolded);
                    if (member != null) {
                        events.add(rooms.activity(channel, new RoomActivity.Quit(member.nick, reason), line));
                    }
                }
            }
            case "NICK" -> nick(rooms, link, line, own, events);
            case "MODE" -> modes(rooms, link, line, channels.get(link.fold(line.param(0))), events);
            case "TOPIC" -> {
                Channel channel = channels.get(link.fold(line.param(0)));
                if (channel != null) {
                    channel.topic = IrcText.strip(line.params().size() > 1 ? line.last() : "");
                    events.add(rooms.activity(channel, new RoomActivity.TopicChanged(channel.topic, source), line));
                }
            }
            case "AWAY" -> {
                boolean away = !line.params().isEmpty() && !line.last().isEmpty();
                for (Channel channel : channels.values()) {
                    Channel.Member member = channel.members.get(sourceFolded);
                    if (member != null && member.away != away) {
                        member.away = away;
                        events.add(rooms.activity(channel, new RoomActivity.AwayChanged(member.nick, away), line));
                    }
                }
            }
            case "INVITE" -> {
                if (link.fold(line.param(0)).equals(ownFolded) && !line.param(1).isEmpty()) {
                    events.add(rooms.invitation(link.fold(line.param(1)), source));
                }
            }
            case "PRIVMSG", "NOTICE" -> message(rooms, link, line, channels, events);
            case "433", "432", "436", "437", "447", "484" -> {
                if (rooms.nickChangePending() && !link.support.isChannel(line.param(1))) {
                    rooms.ownNickChanged(new ProtocolException(Reason.REJECTED, "The server refused the nick "
                            + line.param(1) + ": " + IrcText.strip(line.last())));
                }
            }
            default -> { }
        }
    }

    private static void names(Link link, IrcLine line, Channel channel) {
        if (channel == null || channel.reported) {
            return;
        }
        for (String entry : line.last().split(" ")) {
            if (entry.isBlank()) {
                continue;
            }
            int signs = link.support.prefixLength(entry);
            String rest = entry.substring(signs);
            int bang = rest.indexOf('!');
            String nick = bang < 0 ? rest : rest.substring(0, bang);
            if (nick.isEmpty()) {
                continue;
            }
            Channel.Member member = channel.member(link.fold(nick), nick);
            member.nick = nick;
            for (int i = 0; i < signs; i++) {
                member.signs.add(entry.charAt(i));
            }
            if (bang >= 0) {
                member.address = rest.substring(bang + 1);
            }
        }
    }

    private static void nick(IrcGroupChat rooms, Link link, IrcLine line, boolean own, List<ProtocolEvent> events) {
        String oldNick = line.sourceNick();
        String oldFolded = link.fold(oldNick);
        String newNick = line.param(0);
        if (newNick.isEmpty()) {
            return;
        }
        String newFolded = link.fold(newNick);
        if (own) {
            link.nick(newNick);
            rooms.ownNickChanged(null);
        }
        for (Channel channel : rooms.channels().values()) {
            Channel.Member member = channel.members.remove(oldFolded);
            if (member != null) {
                member.nick = newNick;
                channel.members.put(newFolded, member);
                events.add(rooms.activity(channel, new RoomActivity.NickChanged(oldNick, newNick), line));
            }
        }
    }

    private static void modes(IrcGroupChat rooms, Link link, IrcLine line, Channel channel, List<ProtocolEvent> events) {
        if (channel == null || line.params().size() < 2) {
            return;
        }
        String modes = line.param(1);
        List<String> args = new ArrayList<>(line.params().subList(2, line.params().size()));
        boolean adding = true;
        int next = 0;
        for (char mode : modes.toCharArray()) {
            if (mode == '+' || mode == '-') {
                adding = mode == '+';
                continue;
            }
            String arg = null;
            if (link.support.takesParameter(mode, adding)) {
                if (next >= args.size()) {
                    return;
                }
                arg = args.get(next++);
            }
            Character sign = link.support.signOf(mode);
            if (sign == null || arg == null) {
                continue;
            }
            Channel.Member member = channel.members.get(link.fold(arg));
            if (member == null) {
                continue;
            }
            RoomRole before = link.support.role(member.signs);
            if (adding) {
                member.signs.add(sign);
            } else {
                member.signs.remove(sign);
            }
            RoomRole after = link.support.role(member.signs);
            if (after != before) {
                events.add(rooms.activity(channel, new RoomActivity.RoleChanged(member.nick, after), line));
            }
        }
    }

    private static void message(IrcGroupChat rooms, Link link, IrcLine line, Map<String, Channel> channels,
                                List<ProtocolEvent> events) {
        String target = IrcMessaging.stripStatusPrefix(link, line.param(0));
        if (!link.support.isChannel(target) || line.sourceAddress() == null) {
            return;
        }
        Channel channel = channels.get(link.fold(target));
        if (channel == null) {
            return;
        }
        String text = line.last();
        MessageKind kind = line.command().equals("NOTICE") ? MessageKind.NOTICE : MessageKind.CHAT;
        var ctcp = Ctcp.parse(text);
        String body;
        if (ctcp.isPresent()) {
            if (!ctcp.get().command().equals("ACTION") || kind == MessageKind.NOTICE) {
                return;
            }
            body = "/me " + IrcText.strip(ctcp.get().argument());
        } else {
            body = IrcText.strip(text);
        }
        if (!body.isBlank()) {
            events.add(rooms.message(link, line, channel, body, kind));
        }
    }
}
