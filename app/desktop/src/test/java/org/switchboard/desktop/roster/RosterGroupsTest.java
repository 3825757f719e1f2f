package org.switchboard.desktop.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.contact.Contact;
import org.switchboard.core.contact.Person;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.Subscription;

/** The unified list under group headers, and the groups typed into the Groups… dialog. */
class RosterGroupsTest {

    private static final AccountId ACCOUNT = AccountId.random();

    @Test
    void peopleAreListedByGroupWithTheUngroupedLastKeepingTheCoreOrderWithinAGroup() {
        List<Person> fromCore = List.of(person("zoe", Set.of("Work")), person("amy", Set.of()),
                person("bob", Set.of("家人")), person("cat", Set.of("work", "Zoo")), person("dan", Set.of("Work")));

        List<String> listed = RosterViewModel.byGroup(fromCore).stream().map(Person::displayName).toList();

        assertThat(listed).containsExactly("zoe", "cat", "dan", "bob", "amy");
        assertThat(RosterViewModel.group(fromCore.get(3))).isEqualTo("work");
        assertThat(RosterViewModel.group(fromCore.get(1))).isEmpty();
    }

    @Test
    void groupsAreSplitOnAsciiAndChineseCommasAndTrimmed() {
        assertThat(ContactActions.parseGroups(" Work , 朋友，家人、 ,, ")).containsExactly("Work", "朋友", "家人");
        assertThat(ContactActions.parseGroups("   ")).isEmpty();
        assertThat(ContactActions.groupsText(person("x", Set.of("b", "A")))).isEqualTo("A, b");
    }

    private static Person person(String name, Set<String> groups) {
        Contact c = new Contact(new ContactAddress(ACCOUNT, name + "@chat.test"), "xmpp", name, groups,
                Subscription.BOTH, PresenceStatus.OFFLINE);
        return new Person(name, name, List.of(c), 0);
    }
}
