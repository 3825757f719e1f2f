package org.switchboard.core.contact;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;

/** The unified contact list across accounts, and the user's own presence. */
public interface ContactService {

    /** Everyone on every account's list, sorted by presence then name. */
    List<Person> people();

    /** Adds a contact on an account and asks to see their presence. */
    CompletableFuture<Void> add(AccountId account, String handle, String displayName, Set<String> groups);

    CompletableFuture<Void> remove(ContactAddress contact);

    /**
     * Renames a contact and puts it in {@code groups} (none: ungrouped), on the account's server
     * list; the new entry arrives as a change of the people. Fails with UNSUPPORTED where the
     * network keeps neither.
     */
    CompletableFuture<Void> update(ContactAddress contact, String displayName, Set<String> groups);

    /** Whether the account's network blocks contacts on the server (and the account is connected). */
    boolean canBlock(AccountId account);

    /** Blocks or unblocks a contact on the server; the people show the change once the server confirms it. */
    CompletableFuture<Void> setBlocked(ContactAddress contact, boolean blocked);

    /**
     * The contact's picture (PNG, JPEG or GIF bytes) as last received or kept from an earlier
     * run; {@link Contact#avatarId} tells when it changes. From memory: any thread.
     */
    java.util.Optional<byte[]> avatar(ContactAddress contact);

    /** Requests waiting for the user's answer. */
    List<SubscriptionRequest> pendingRequests();

    /** Answers a request; accepting also asks to see the other's presence in turn. */
    CompletableFuture<Void> answer(SubscriptionRequest request, boolean accept);

    PresenceStatus ownPresence();

    /** Sets the user's presence on every connected account (and the ones that connect later). */
    CompletableFuture<Void> setOwnPresence(PresenceStatus presence);
}
