package org.switchboard.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.irc.Sessions.TIMEOUT;
import static org.switchboard.irc.Sessions.join;
import static org.switchboard.irc.Sessions.unique;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.irc.Sessions.Client;
import org.switchboard.protocol.event.ProtocolEvent.ContactAdded;
import org.switchboard.protocol.event.ProtocolEvent.ContactRemoved;
import org.switchboard.protocol.event.ProtocolEvent.PresenceChanged;
import org.switchboard.protocol.event.ProtocolEvent.RosterReceived;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.RosterEntry;
import org.switchboard.protocol.model.Subscription;
import org.switchboard.protocol.spi.capability.Presence;
import org.switchboard.protocol.spi.capability.Roster;

/** The friends list on ngircd, which has neither MONITOR nor away-notify: ISON and WHOIS polling. */
class IrcFriendsTest extends OnNgircd {

    private static boolean is(PresenceChanged e, String nick, Availability availability, String text) {
        return e.contact().handle().equals(nick) && e.presence().availability() == availability
                && e.presence().statusText().equals(text);
    }

    @Test
    void friendsFromTheSettingsAreFollowedOnlineAwayAndOffline() throws Exception {
        String bobNick = unique("bob");
        String carolNick = unique("carol");
        Client bob = sessions.connected(server.account(bobNick));
        Client alice = sessions.connected(Sessions.with(server.account(unique("alice")), Map.of(
                IrcSettings.FRIENDS, bobNick + ", " + carolNick, IrcSettings.POLL_SECONDS, "0.5")));

        RosterReceived roster = alice.events().await(RosterReceived.class, TIMEOUT);
        assertThat(roster.entries()).extracting(e -> e.address().handle()).containsExactly(bobNick, carolNick);
        assertThat(roster.entries()).allMatch(e -> e.subscription() == Subscription.BOTH);
        assertThat(alice.need(Roster.class).needsConsent()).isFalse();

        alice.events().await(PresenceChanged.class, e -> is(e, bobNick, Availability.ONLINE, ""), TIMEOUT);
        assertThat(alice.events().all(PresenceChanged.class)).noneMatch(e -> e.contact().handle().equals(carolNick));

        Client carol = sessions.connected(server.account(carolNick));
        alice.events().await(PresenceChanged.class, e -> is(e, carolNick, Availability.ONLINE, ""), TIMEOUT);

        join(bob.need(Presence.class).setOwn(new PresenceStatus(Availability.DO_NOT_DISTURB, "")));
        alice.events().await(PresenceChanged.class, e -> is(e, bobNick, Availability.AWAY, "Do not disturb"), TIMEOUT);
        join(bob.need(Presence.class).setOwn(new PresenceStatus(Availability.AWAY, "brb 马上回来")));
        alice.events().await(PresenceChanged.class, e -> is(e, bobNick, Availability.AWAY, "brb 马上回来"), TIMEOUT);
        assertThat(bob.need(Presence.class).own().statusText()).isEqualTo("brb 马上回来");
        join(bob.need(Presence.class).setOwn(PresenceStatus.ONLINE));
        alice.events().await(PresenceChanged.class, e -> is(e, bobNick, Availability.ONLINE, "")
                && alice.events().all(PresenceChanged.class).stream()
                .filter(p -> is(p, bobNick, Availability.ONLINE, "")).count() == 2, TIMEOUT);
        assertThat(alice.need(Presence.class).of(alice.address(bobNick))).isEqualTo(PresenceStatus.ONLINE);

        carol.session().close();
        alice.events().await(PresenceChanged.class, e -> is(e, carolNick, Availability.OFFLINE, ""), TIMEOUT);
        assertThat(alice.need(Presence.class).of(alice.address(carolNick))).isEqualTo(PresenceStatus.OFFLINE);

        join(alice.need(Roster.class).remove(alice.address(carolNick)));
        alice.events().await(ContactRemoved.class, e -> e.contact().handle().equals(carolNick), TIMEOUT);
        assertThat(alice.need(Roster.class).entries()).extracting(e -> e.address().handle()).containsExactly(bobNick);
    }

    @Test
    void friendsAddedAtRunTimeAreFollowedAtOnceAndKeptForTheNextConnect() throws Exception {
        String daveNick = unique("Dave");
        Client dave = sessions.connected(server.account(daveNick));
        Client alice = sessions.connected(Sessions.with(server.account(unique("alice")),
                Map.of(IrcSettings.POLL_SECONDS, "30")));
        String handle = daveNick.toLowerCase();

        join(alice.need(Roster.class).add(alice.address(daveNick), "Dave D", Set.of("Work")));
        ContactAdded added = alice.events().await(ContactAdded.class, TIMEOUT);
        assertThat(added.entry().address().handle()).isEqualTo(handle);
        assertThat(added.entry().subscription()).isEqualTo(Subscription.BOTH);
        assertThat(added.entry().groups()).containsExactly("Work");
        alice.events().await(PresenceChanged.class, e -> is(e, handle, Availability.ONLINE, ""), TIMEOUT);

        join(alice.need(Roster.class).update(alice.address(handle), "Dave Two", Set.of()));
        assertThat(alice.need(Roster.class).entries()).extracting(RosterEntry::displayName).containsExactly("Dave Two");

        join(alice.session().disconnect());
        join(alice.session().connect());
        alice.events().await(RosterReceived.class, e -> alice.events().all(RosterReceived.class).size() == 2, TIMEOUT);
        RosterReceived again = alice.events().all(RosterReceived.class).getLast();
        assertThat(again.entries()).extracting(e -> e.address().handle()).containsExactly(handle);
        dave.session().close();
    }
}
