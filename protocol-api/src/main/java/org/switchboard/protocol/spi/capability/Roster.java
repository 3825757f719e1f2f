package org.switchboard.protocol.spi.capability;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.RosterEntry;

/**
 * The account's server-side contact list. After login the provider reports the whole list
 * once with {@code RosterReceived}, then changes as {@code ContactAdded}/{@code ContactRemoved}.
 */
public interface Roster extends Capability {

    /** The list as the provider knows it now (empty before the first {@code RosterReceived}). */
    List<RosterEntry> entries();

    /** Adds a contact and asks to see their presence. */
    CompletableFuture<Void> add(ContactAddress contact, String displayName, Set<String> groups);

    /** Renames a contact or moves it to other groups; fails with REJECTED for one not on the list. */
    default CompletableFuture<Void> update(ContactAddress contact, String displayName, Set<String> groups) {
        return CompletableFuture.failedFuture(new org.switchboard.protocol.spi.ProtocolException(
                org.switchboard.protocol.spi.ProtocolException.Reason.UNSUPPORTED,
                "this network does not keep names or groups for contacts"));
    }

    /**
     * Whether seeing a contact's presence needs their consent ({@code SubscriptionRequested}).
     * False for a list the user keeps alone, such as an IRC friends list watched with MONITOR or
     * ISON: added contacts are reported with subscription BOTH and their presence follows.
     */
    default boolean needsConsent() {
        return true;
    }

    /** Removes a contact and cancels subscriptions both ways. */
    CompletableFuture<Void> remove(ContactAddress contact);

    /**
     * Answers a {@code SubscriptionRequested}: accepting lets the peer see our presence (and, on
     * networks that pair them, adds the peer to our list).
     */
    CompletableFuture<Void> answerSubscription(ContactAddress from, boolean accept);
}
