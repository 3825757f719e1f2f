package org.switchboard.core.history;

import java.time.Instant;
import java.util.Set;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.protocol.model.AccountId;

/**
 * A history search as the user typed it: {@code text} is plain text, never FTS syntax (quotes
 * group words into a phrase; everything else is searched as written). Empty sets mean "any".
 *
 * @param from  inclusive lower bound of the message time, or null
 * @param to    exclusive upper bound of the message time, or null
 * @param limit at most this many hits, newest first
 */
public record SearchQuery(String text, Set<ConversationId> conversations, Set<AccountId> accounts,
                          Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 200;

    public SearchQuery {
        text = text == null ? "" : text;
        conversations = conversations == null ? Set.of() : Set.copyOf(conversations);
        accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, Set.of(), Set.of(), null, null, DEFAULT_LIMIT);
    }

    public SearchQuery inConversations(Set<ConversationId> only) {
        return new SearchQuery(text, only, accounts, from, to, limit);
    }

    public SearchQuery inAccounts(Set<AccountId> only) {
        return new SearchQuery(text, conversations, only, from, to, limit);
    }

    public SearchQuery between(Instant fromInclusive, Instant toExclusive) {
        return new SearchQuery(text, conversations, accounts, fromInclusive, toExclusive, limit);
    }

    public SearchQuery limit(int max) {
        return new SearchQuery(text, conversations, accounts, from, to, max);
    }
}
