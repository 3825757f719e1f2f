package org.switchboard.core.event;

import java.util.List;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountStatus;
import org.switchboard.core.contact.Person;
import org.switchboard.core.contact.SubscriptionRequest;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.plugins.PluginInfo;
import org.switchboard.core.history.HistoryRecovery;
import org.switchboard.core.room.Room;
import org.switchboard.core.room.RoomActivityLine;
import org.switchboard.core.room.RoomInvitation;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomOccupant;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.TypingState;

/** What changed in the core, for views to show. Immutable values. */
public sealed interface CoreEvent {

    record AccountsChanged(List<Account> accounts) implements CoreEvent {
        public AccountsChanged {
            accounts = List.copyOf(accounts);
        }
    }

    record AccountStatusChanged(AccountStatus status) implements CoreEvent {
    }

    /** The whole unified list, after any change to it (coalesced). */
    record PeopleChanged(List<Person> people) implements CoreEvent {
        public PeopleChanged {
            people = List.copyOf(people);
        }
    }

    /** A message was stored: incoming, sent by the user, or seen from another of the user's clients. */
    record MessageAdded(StoredMessage message) implements CoreEvent {
    }

    /** A stored message changed status (QUEUED → SENT → DELIVERED → READ, or FAILED). */
    record MessageUpdated(StoredMessage message) implements CoreEvent {
    }

    record PeerTyping(ConversationId conversation, TypingState state) implements CoreEvent {
    }

    record UnreadChanged(ConversationId conversation, int unread) implements CoreEvent {
    }

    record SubscriptionRequested(SubscriptionRequest request) implements CoreEvent {
    }

    record OwnPresenceChanged(PresenceStatus presence) implements CoreEvent {
    }

    /** The plugins folder was (re)loaded, or a plugin installed, enabled, disabled or removed. */
    record PluginsChanged(List<PluginInfo> plugins) implements CoreEvent {
        public PluginsChanged {
            plugins = List.copyOf(plugins);
        }
    }

    /**
     * The history database was damaged at start: it was kept aside and a new one started. Part
     * of the state every new listener receives, so the user is told however late the UI subscribes.
     */
    record HistoryRecovered(HistoryRecovery recovery) implements CoreEvent {
    }

    /**
     * The rooms the user is in or wants to be in changed (joined, left, rejoined, topic, own
     * nick, member count): every room, by account then name. Part of the state every new
     * listener receives.
     */
    record RoomsChanged(List<Room> rooms) implements CoreEvent {
        public RoomsChanged {
            rooms = List.copyOf(rooms);
        }
    }

    /** Who is in a room now, sorted by role then nick. */
    record RoomMembersChanged(RoomAddress room, List<RoomOccupant> members) implements CoreEvent {
        public RoomMembersChanged {
            members = List.copyOf(members);
        }
    }

    /** A join, part, quit, kick, nick, role or topic change to show in the room's conversation. */
    record RoomActivityAdded(RoomActivityLine line) implements CoreEvent {
    }

    /** Someone invites the user into a room; the UI asks whether to join. */
    record RoomInvited(RoomInvitation invitation) implements CoreEvent {
    }

    /** A notice from the account's server or a service, not tied to a conversation. */
    record ServerNoticeReceived(AccountId account, String from, String text) implements CoreEvent {
        public ServerNoticeReceived {
            from = from == null ? "" : from;
        }
    }

    /**
     * The server's archive was read after a login: {@code messages} came back (some perhaps
     * already stored). Everything it brought is in history when this is published.
     */
    record ArchiveFetched(AccountId account, int messages) implements CoreEvent {
    }

    /**
     * A room's archive was read after the room was joined again: {@code messages} came back
     * (some perhaps already stored). Everything it brought is in history when this is published.
     */
    record RoomArchiveFetched(RoomAddress room, int messages) implements CoreEvent {
    }
}
