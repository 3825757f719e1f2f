package org.switchboard.core.contact;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.protocol.model.PresenceStatus;

/**
 * A human in the unified contact list (a metacontact): one or more protocol contacts.
 * For now each contact is its own person; merging comes later.
 *
 * @param unread messages not yet read in this person's conversations
 */
public record Person(String id, String displayName, List<Contact> contacts, int unread) {
    public Person {
        Objects.requireNonNull(id, "id");
        contacts = List.copyOf(contacts);
        if (contacts.isEmpty()) {
            throw new IllegalArgumentException("a person has at least one contact");
        }
    }

    /** The best presence of the person's contacts. */
    public PresenceStatus presence() {
        return contacts.stream().map(Contact::presence)
                .min(Comparator.comparing(PresenceStatus::availability))
                .orElse(PresenceStatus.OFFLINE);
    }

    public Set<String> groups() {
        return contacts.stream().flatMap(c -> c.groups().stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** The contact to write to: the best available one. */
    public Contact preferredContact() {
        return contacts.stream().min(Comparator.comparing(c -> c.presence().availability())).orElseThrow();
    }

    public ConversationId conversation() {
        return new ConversationId(preferredContact().address());
    }
}
