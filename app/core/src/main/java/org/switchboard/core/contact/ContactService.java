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

    /** Requests waiting for the user's answer. */
    List<SubscriptionRequest> pendingRequests();

    /** Answers a request; accepting also asks to see the other's presence in turn. */
    CompletableFuture<Void> answer(SubscriptionRequest request, boolean accept);

    PresenceStatus ownPresence();

    /** Sets the user's presence on every connected account (and the ones that connect later). */
    CompletableFuture<Void> setOwnPresence(PresenceStatus presence);
}
