package org.switchboard.protocol.event;

import java.util.List;
import java.util.Set;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ChatMessage;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.PresenceStatus;
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
}
