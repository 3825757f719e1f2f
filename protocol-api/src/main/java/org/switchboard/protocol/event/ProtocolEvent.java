package org.switchboard.protocol.event;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ChatMessage;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomMessage;
import org.switchboard.protocol.model.RoomOccupant;
import org.switchboard.protocol.model.RosterEntry;
import org.switchboard.protocol.model.TypingState;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.capability.Capability;

/**
 * Everything a session reports, as immutable values. Handle them with a {@code switch}
 * over this sealed type: a new kind of event is a compile error in every switch that
 * forgets it.
 */
public sealed interface ProtocolEvent {

    AccountId account();

    /** The connection changed state; {@code cause} is set for FAILED (and may be for DISCONNECTED). */
    record ConnectionStateChanged(AccountId account, ConnectionState state, ProtocolException cause)
            implements ProtocolEvent {
    }

    /** The set of capabilities changed (typically after login, when the server said what it offers). */
    record CapabilitiesChanged(AccountId account, Set<Class<? extends Capability>> capabilities)
            implements ProtocolEvent {
        public CapabilitiesChanged {
            capabilities = Set.copyOf(capabilities);
        }
    }

    /** A one-to-one message arrived (or was sent from another of the user's clients). */
    record MessageReceived(AccountId account, ChatMessage message) implements ProtocolEvent {
    }

    /** An outgoing message moved on: SENT, DELIVERED, READ or FAILED (with a readable reason). */
    record MessageStatusChanged(AccountId account, ContactAddress peer, MessageId id,
                                MessageStatus status, String reason) implements ProtocolEvent {
    }

    record PresenceChanged(AccountId account, ContactAddress contact, PresenceStatus presence)
            implements ProtocolEvent {
    }

    /** The whole contact list, once after each login. */
    record RosterReceived(AccountId account, List<RosterEntry> entries) implements ProtocolEvent {
        public RosterReceived {
            entries = List.copyOf(entries);
        }
    }

    /** A contact was added or changed (name, groups, subscription). */
    record ContactAdded(AccountId account, RosterEntry entry) implements ProtocolEvent {
    }

    record ContactRemoved(AccountId account, ContactAddress contact) implements ProtocolEvent {
    }

    /** Someone asks to see the user's presence; answer with {@code Roster.answerSubscription}. */
    record SubscriptionRequested(AccountId account, ContactAddress from, String text)
            implements ProtocolEvent {
    }

    record TypingChanged(AccountId account, ContactAddress contact, TypingState state)
            implements ProtocolEvent {
    }

    /** A peer replaced the body of an earlier message (XEP-0308); {@code original} names it. */
    record MessageCorrected(AccountId account, ContactAddress peer, MessageId original, String newBody)
            implements ProtocolEvent {
    }

    /** A contact's picture changed; {@code image} is PNG, JPEG or GIF bytes, empty when removed. */
    record AvatarChanged(AccountId account, ContactAddress contact, byte[] image) implements ProtocolEvent {
    }

    /** The server-side block list is now {@code blocked}. */
    record BlockListChanged(AccountId account, Set<ContactAddress> blocked) implements ProtocolEvent {
        public BlockListChanged {
            blocked = Set.copyOf(blocked);
        }
    }

    /**
     * The user is in a room: reported once per join (also after a rejoin), with who is there,
     * the topic (empty when none) and the user's own nick.
     */
    record RoomJoined(AccountId account, RoomAddress room, String ownNick, List<RoomOccupant> occupants,
                      String topic) implements ProtocolEvent {
        public RoomJoined {
            occupants = List.copyOf(occupants);
            topic = topic == null ? "" : topic;
        }
    }

    /**
     * The user is no longer in a room. {@code reason} says why in words (empty when the user left);
     * {@code kicked} is true when removed by someone else; a room left because the connection
     * dropped is reported too, and the app rejoins it after reconnecting.
     */
    record RoomLeft(AccountId account, RoomAddress room, String reason, boolean kicked) implements ProtocolEvent {
        public RoomLeft {
            reason = reason == null ? "" : reason;
        }
    }

    /** A message in a room, live or archived. */
    record RoomMessageReceived(AccountId account, RoomMessage message) implements ProtocolEvent {
    }

    /** A join, part, quit, kick, nick, role, away or topic change in a room the user is in. */
    record RoomActivityOccurred(AccountId account, RoomAddress room, RoomActivity activity, Instant at)
            implements ProtocolEvent {
    }

    /** Someone invites the user into a room; join it with {@code GroupChat.join}. */
    record RoomInvitationReceived(AccountId account, RoomAddress room, String from, String reason,
                                  String password) implements ProtocolEvent {
    }

    /**
     * A notice from the server or a service, not tied to a conversation (IRC server notices,
     * the message of the day's end, NickServ answers the app did not ask for).
     */
    record ServerNotice(AccountId account, String from, String text) implements ProtocolEvent {
    }
}
