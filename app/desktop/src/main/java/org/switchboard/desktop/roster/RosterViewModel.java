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
    private final ObservableList<RoomEntry> rooms = FXCollections.observableArrayList();
    private final FilteredList<RoomEntry> visibleRooms = new FilteredList<>(rooms, r -> true);
    private final java.util.Map<org.switchboard.core.conversation.ConversationId, Integer> roomUnread =
            new java.util.HashMap<>();

    /** A room in the list, with its unread count. */
    public record RoomEntry(org.switchboard.core.room.Room room, int unread) {
    }

    public RosterViewModel() {
        filter.addListener((obs, old, now) -> {
            visible.setPredicate(matching(now));
            String needle = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            visibleRooms.setPredicate(r -> needle.isEmpty() || contains(r.room().address().name(), needle)
                    || contains(r.room().topic(), needle));
        });
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
        switch (event) {
            case CoreEvent.PeopleChanged changed -> people.setAll(byGroup(changed.people()));
            case CoreEvent.RoomsChanged changed -> rooms.setAll(changed.rooms().stream()
                    .map(r -> new RoomEntry(r, roomUnread.getOrDefault(r.conversation(), 0))).toList());
            case CoreEvent.UnreadChanged changed when changed.conversation().isRoom() -> {
                roomUnread.put(changed.conversation(), changed.unread());
                for (int i = 0; i < rooms.size(); i++) {
                    RoomEntry entry = rooms.get(i);
                    if (entry.room().conversation().equals(changed.conversation())) {
                        rooms.set(i, new RoomEntry(entry.room(), changed.unread()));
                    }
                }
            }
            default -> { }
        }
    }

    /**
     * The people under their groups' headers: by group name (a person in several groups under
     * the first), the ungrouped last; within a group the core's order (presence, then name).
     */
    static java.util.List<Person> byGroup(java.util.List<Person> people) {
        java.util.List<Person> sorted = new java.util.ArrayList<>(people);
        // List.sort is stable, so the core's order holds within each group.
        sorted.sort(java.util.Comparator.comparing((Person p) -> group(p).isEmpty())
                .thenComparing(RosterViewModel::group, String.CASE_INSENSITIVE_ORDER));
        return sorted;
    }

    /** The group a person is listed under: the first of theirs by name, or "" for none. */
    public static String group(Person person) {
        return person.groups().stream().min(String.CASE_INSENSITIVE_ORDER).orElse("");
    }

    public ObservableList<Person> visiblePeople() {
        return visible;
    }

    /** The rooms section of the list, filtered like the people. */
    public ObservableList<RoomEntry> visibleRooms() {
        return visibleRooms;
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
