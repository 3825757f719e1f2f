package org.switchboard.irc.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.protocol.event.ProtocolEvent.PresenceChanged;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.PresenceStatus;

/**
 * Follows the friends' presence on one connection. Online and offline come from MONITOR where the
 * server offers it (numerics 730/731), else from polling with ISON; away and its message from
 * away-notify ({@code AWAY} lines) for friends in a shared channel, and from polling friends who
 * are online with WHOIS (numeric 301). A poll round is skipped while the user's own lines wait.
 */
final class FriendWatch {

    /** Longest list of nicks in one ISON or MONITOR line, leaving room within 512 bytes. */
    private static final int MAX_LIST_BYTES = 400;

    private final IrcSession session;
    private final Link link;
    private final ScheduledExecutorService scheduler;
    private volatile boolean monitor;
    private final Object lock = new Object();
    private final Set<String> friends = new LinkedHashSet<>();
    private final Map<String, PresenceStatus> presence = new HashMap<>();
    private final Deque<List<String>> isonAsked = new ArrayDeque<>();
    /** During a WHOIS: friends the server described (311) and their away messages (301). */
    private final Set<String> whoisSeen = new HashSet<>();
    private final Map<String, String> whoisAway = new HashMap<>();
    private ScheduledFuture<?> poller;

    FriendWatch(IrcSession session, Link link, ScheduledExecutorService scheduler) {
        this.session = session;
        this.link = link;
        this.scheduler = scheduler;
        this.monitor = link.support.supportsMonitor();
    }

    void start(List<String> initial) {
        synchronized (lock) {
            friends.addAll(initial);
        }
        // A list longer than the server lets MONITOR watch is polled instead.
        monitor = monitor && initial.size() <= link.support.monitorLimit();
        if (monitor) {
            for (String line : lists("MONITOR + ", initial, ",")) {
                link.sendQuietly(line);
            }
        } else {
            ison(initial);
        }
        long every = link.settings.pollInterval().toMillis();
        poller = scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }

    void follow(String folded) {
        synchronized (lock) {
            if (!friends.add(folded)) {
                return;
            }
        }
        if (monitor) {
            link.sendQuietly("MONITOR + " + folded);
        } else {
            ison(List.of(folded));
        }
    }

    void unfollow(String folded) {
        synchronized (lock) {
            friends.remove(folded);
            presence.remove(folded);
        }
        if (monitor) {
            link.sendQuietly("MONITOR - " + folded);
        }
    }

    PresenceStatus presenceOf(String folded) {
        synchronized (lock) {
            return presence.getOrDefault(folded, PresenceStatus.OFFLINE);
        }
    }

    private void poll() {
        if (link.busy()) {
            return;
        }
        List<String> all;
        List<String> online = new ArrayList<>();
        synchronized (lock) {
            all = new ArrayList<>(friends);
            presence.forEach((nick, status) -> {
                if (status.availability().isOnline()) {
                    online.add(nick);
                }
            });
        }
        if (!monitor) {
            ison(all);
        }
        online.forEach(nick -> link.sendQuietly("WHOIS " + nick));
    }

    private void ison(List<String> nicks) {
        for (List<String> chunk : chunks(nicks)) {
            synchronized (lock) {
                isonAsked.add(chunk);
            }
            link.sendQuietly("ISON " + String.join(" ", chunk));
        }
    }

    void onLine(IrcLine line) {
        switch (line.command()) {
            case "303" -> {
                List<String> asked;
                synchronized (lock) {
                    asked = isonAsked.poll();
                }
                if (asked == null) {
                    return;
                }
                Set<String> on = new HashSet<>();
                for (String nick : line.last().split(" ")) {
                    if (!nick.isBlank()) {
                        on.add(link.fold(nick));
                    }
                }
                asked.forEach(nick -> seen(nick, on.contains(nick)));
            }
            case "730" -> forEachNick(line.last(), nick -> seen(nick, true));
            case "731" -> forEachNick(line.last(), nick -> seen(nick, false));
            case "311" -> {
                synchronized (lock) {
                    whoisSeen.add(link.fold(line.param(1)));
                }
            }
            case "301" -> {
                String nick = link.fold(line.param(1));
                synchronized (lock) {
                    whoisAway.put(nick, IrcText.strip(line.last()));
                }
            }
            case "318" -> whoisDone(link.fold(line.param(1)));
            case "AWAY" -> {
                String nick = link.fold(line.sourceNick());
                boolean away = !line.params().isEmpty() && !line.last().isEmpty();
                if (isFriend(nick)) {
                    set(nick, away ? new PresenceStatus(Availability.AWAY, IrcText.strip(line.last())) : PresenceStatus.ONLINE);
                }
            }
            case "QUIT" -> {
                String nick = link.fold(line.sourceNick());
                if (isFriend(nick)) {
                    set(nick, PresenceStatus.OFFLINE);
                }
            }
            case "NICK" -> {
                String old = link.fold(line.sourceNick());
                String renamed = link.fold(line.param(0));
                if (isFriend(old)) {
                    set(old, PresenceStatus.OFFLINE);
                }
                if (isFriend(renamed)) {
                    seen(renamed, true);
                }
            }
            case "JOIN", "PRIVMSG" -> {
                String nick = link.fold(line.sourceNick());
                if (line.sourceAddress() != null && isFriend(nick)) {
                    seen(nick, true);
                }
            }
            default -> { }
        }
    }

    private void whoisDone(String nick) {
        boolean described;
        String away;
        synchronized (lock) {
            described = whoisSeen.remove(nick);
            away = whoisAway.remove(nick);
        }
        if (!isFriend(nick)) {
            return;
        }
        if (!described) {
            set(nick, PresenceStatus.OFFLINE);
        } else {
            set(nick, away != null ? new PresenceStatus(Availability.AWAY, away) : PresenceStatus.ONLINE);
        }
    }

    /** Online or not, as MONITOR or ISON says; a friend newly online is asked for an away message. */
    private void seen(String nick, boolean online) {
        if (!isFriend(nick)) {
            return;
        }
        if (!online) {
            set(nick, PresenceStatus.OFFLINE);
            return;
        }
        boolean wasOnline;
        synchronized (lock) {
            wasOnline = presence.getOrDefault(nick, PresenceStatus.OFFLINE).availability().isOnline();
        }
        if (!wasOnline) {
            set(nick, PresenceStatus.ONLINE);
            link.sendQuietly("WHOIS " + nick);
        }
    }

    private boolean isFriend(String nick) {
        synchronized (lock) {
            return friends.contains(nick);
        }
    }

    private void set(String nick, PresenceStatus status) {
        synchronized (lock) {
            PresenceStatus before = presence.put(nick, status);
            if (status.equals(before) || before == null && status.equals(PresenceStatus.OFFLINE)) {
                return;
            }
        }
        session.emit(new PresenceChanged(session.account(), session.address(nick), status));
    }

    private void forEachNick(String list, java.util.function.Consumer<String> action) {
        for (String entry : list.split(",")) {
            String target = entry.strip();
            int bang = target.indexOf('!');
            String nick = bang < 0 ? target : target.substring(0, bang);
            if (!nick.isEmpty()) {
                action.accept(link.fold(nick));
            }
        }
    }

    private static List<List<String>> chunks(List<String> nicks) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (String nick : nicks) {
            if (!current.isEmpty() && bytes + nick.length() + 1 > MAX_LIST_BYTES) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(nick);
            bytes += nick.length() + 1;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static List<String> lists(String prefix, List<String> nicks, String separator) {
        List<String> out = new ArrayList<>();
        for (List<String> chunk : chunks(nicks)) {
            out.add(prefix + String.join(separator, chunk));
        }
        return out;
    }
}
