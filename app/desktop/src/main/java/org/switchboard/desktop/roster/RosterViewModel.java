package org.switchboard.desktop.roster;

import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.switchboard.core.contact.Contact;
import org.switchboard.core.contact.Person;
import org.switchboard.core.event.CoreEvent;

/** The unified contact list with filter-as-you-type. UI thread only. */
public final class RosterViewModel {

    private final ObservableList<Person> people = FXCollections.observableArrayList();
    private final FilteredList<Person> visible = new FilteredList<>(people, p -> true);
    private final StringProperty filter = new SimpleStringProperty("");

    public RosterViewModel() {
        filter.addListener((obs, old, now) -> visible.setPredicate(matching(now)));
    }

    /** Matches names, handles and status texts, case-insensitively; any script (CJK included). */
    static Predicate<Person> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return p -> true;
        }
        return p -> contains(p.displayName(), needle)
                || p.contacts().stream().anyMatch(c -> contains(c.address().handle(), needle)
                        || contains(c.displayName(), needle)
                        || contains(c.presence().statusText(), needle));
    }

    private static boolean contains(String hay, String needle) {
        return hay != null && hay.toLowerCase(Locale.ROOT).contains(needle);
    }

    public void onEvent(CoreEvent event) {
        if (event instanceof CoreEvent.PeopleChanged changed) {
            people.setAll(changed.people());
        }
    }

    public ObservableList<Person> visiblePeople() {
        return visible;
    }

    public ObservableList<Person> allPeople() {
        return people;
    }

    public StringProperty filter() {
        return filter;
    }

    public java.util.Optional<Person> byId(String id) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The protocol of a person's preferred contact, for the badge. */
    public static String protocolOf(Person person) {
        Contact c = person.preferredContact();
        return c.protocolId();
    }
}
