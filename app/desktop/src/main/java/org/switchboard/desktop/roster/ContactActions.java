package org.switchboard.desktop.roster;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.contact.Contact;
import org.switchboard.core.contact.ContactService;
import org.switchboard.core.contact.Person;

/**
 * What the contact list's menu does to a person: rename, regroup, remove, block. Each change
 * goes to every protocol contact of the person, through the core (never blocking the caller);
 * the list shows the result when the server's answer comes back as a change of the people.
 */
public final class ContactActions {

    private final ContactService contacts;

    public ContactActions(ContactService contacts) {
        this.contacts = contacts;
    }

    /** Whether the person's account can block contacts on its server. */
    public boolean canBlock(Person person) {
        return person.contacts().stream().anyMatch(c -> contacts.canBlock(c.address().account()));
    }

    public boolean isBlocked(Person person) {
        return person.contacts().stream().anyMatch(Contact::blocked);
    }

    public CompletableFuture<Void> rename(Person person, String name) {
        return each(person, c -> contacts.update(c.address(), name, c.groups()));
    }

    /** Puts the person in the groups named in {@code text}, separated by commas (ASCII or CJK). */
    public CompletableFuture<Void> setGroups(Person person, String text) {
        Set<String> groups = parseGroups(text);
        // A contact shown by its address has no name of its own; keep it that way.
        return each(person, c -> contacts.update(c.address(),
                c.displayName().equals(c.address().handle()) ? null : c.displayName(), groups));
    }

    public CompletableFuture<Void> remove(Person person) {
        return each(person, c -> contacts.remove(c.address()));
    }

    public CompletableFuture<Void> setBlocked(Person person, boolean blocked) {
        return each(person, c -> contacts.canBlock(c.address().account())
                ? contacts.setBlocked(c.address(), blocked) : CompletableFuture.completedFuture(null));
    }

    /** The groups as the dialog shows them, for editing. */
    public static String groupsText(Person person) {
        return String.join(", ", person.groups().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
    }

    static Set<String> parseGroups(String text) {
        if (text == null) {
            return Set.of();
        }
        Set<String> groups = new LinkedHashSet<>();
        Arrays.stream(text.split("[,，、]")).map(String::strip).filter(g -> !g.isEmpty()).forEach(groups::add);
        return groups;
    }

    private static CompletableFuture<Void> each(Person person,
                                                java.util.function.Function<Contact, CompletableFuture<Void>> change) {
        return CompletableFuture.allOf(person.contacts().stream().map(change).toArray(CompletableFuture[]::new));
    }
}
