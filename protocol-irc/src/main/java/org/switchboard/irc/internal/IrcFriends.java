package org.switchboard.irc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.irc.IrcSettings;
import org.switchboard.protocol.event.ProtocolEvent.ContactAdded;
import org.switchboard.protocol.event.ProtocolEvent.ContactRemoved;
import org.switchboard.protocol.event.ProtocolEvent.RosterReceived;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.RosterEntry;
import org.switchboard.protocol.model.Subscription;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.Roster;

/**
 * The friends list: nicks whose presence the user follows. IRC keeps no list on the server, so
 * the list lives in the session: the account setting {@value IrcSettings#FRIENDS} is read at
 * each connect, and {@link #add}/{@link #remove} change it until the session is closed (the app
 * stores the list and passes it in again). Nobody needs to agree to be on it, so every entry has
 * subscription BOTH. Presence is followed by a {@link FriendWatch} per connection.
 */
final class IrcFriends implements Roster {

    private final IrcSession session;
    /** Folded nick to entry, in the order added. */
    private final Map<String, RosterEntry> entries = new LinkedHashMap<>();
    private volatile FriendWatch watch;

    IrcFriends(IrcSession session) {
        this.session = session;
    }

    void attach(Link link, ScheduledExecutorService scheduler) {
        List<RosterEntry> all;
        synchronized (entries) {
            for (String nick : link.settings.friends()) {
                entries.putIfAbsent(link.fold(nick), entry(link.fold(nick), nick, Set.of()));
            }
            all = List.copyOf(entries.values());
        }
        FriendWatch fresh = new FriendWatch(session, link, scheduler);
        watch = fresh;
        session.emit(new RosterReceived(session.account(), all));
        fresh.start(folded());
    }

    void detach(Link link) {
        FriendWatch old = watch;
        watch = null;
        if (old != null) {
            old.stop();
        }
    }

    void onLine(Link link, IrcLine line) {
        FriendWatch current = watch;
        if (current != null) {
            current.onLine(line);
        }
    }

    PresenceStatus presenceOf(ContactAddress contact) {
        FriendWatch current = watch;
        return current == null ? PresenceStatus.OFFLINE : current.presenceOf(fold(contact.handle()));
    }

    private List<String> folded() {
        synchronized (entries) {
            return new ArrayList<>(entries.keySet());
        }
    }

    private String fold(String nick) {
        Link link = session.current();
        String stripped = nick.strip();
        return link != null ? link.fold(stripped) : CaseMapping.RFC1459.fold(stripped);
    }

    private RosterEntry entry(String folded, String displayName, Set<String> groups) {
        return new RosterEntry(session.address(folded), displayName, groups, Subscription.BOTH);
    }

    @Override
    public List<RosterEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries.values());
        }
    }

    @Override
    public boolean needsConsent() {
        return false;
    }

    @Override
    public CompletableFuture<Void> add(ContactAddress contact, String displayName, Set<String> groups) {
        String nick = contact.handle().strip();
        if (!IrcSettings.NICK_PATTERN.matcher(nick).matches()) {
            return CompletableFuture.failedFuture(new ProtocolException(Reason.INVALID_INPUT,
                    "\"" + nick + "\" is not an IRC nick"));
        }
        String folded = fold(nick);
        RosterEntry entry = entry(folded, displayName, groups);
        synchronized (entries) {
            entries.put(folded, entry);
        }
        session.emit(new ContactAdded(session.account(), entry));
        FriendWatch current = watch;
        if (current != null) {
            current.follow(folded);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> update(ContactAddress contact, String displayName, Set<String> groups) {
        String folded = fold(contact.handle());
        RosterEntry entry;
        synchronized (entries) {
            if (!entries.containsKey(folded)) {
                return CompletableFuture.failedFuture(new ProtocolException(Reason.REJECTED,
                        contact.handle() + " is not on the friends list"));
            }
            entry = entry(folded, displayName, groups);
            entries.put(folded, entry);
        }
        session.emit(new ContactAdded(session.account(), entry));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> remove(ContactAddress contact) {
        String folded = fold(contact.handle());
        RosterEntry removed;
        synchronized (entries) {
            removed = entries.remove(folded);
        }
        if (removed != null) {
            FriendWatch current = watch;
            if (current != null) {
                current.unfollow(folded);
            }
            session.emit(new ContactRemoved(session.account(), removed.address()));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Nobody asks for consent on IRC; there is nothing to answer. */
    @Override
    public CompletableFuture<Void> answerSubscription(ContactAddress from, boolean accept) {
        return CompletableFuture.completedFuture(null);
    }
}
