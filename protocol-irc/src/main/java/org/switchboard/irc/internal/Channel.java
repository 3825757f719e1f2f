package org.switchboard.irc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomOccupant;

/** A channel the user is in, as the connection sees it: members with their prefix signs, and the topic. */
final class Channel {

    /** One member: the nick as shown, prefix signs ({@code @}, {@code +}, …), {@code user@host} when known. */
    static final class Member {
        String nick;
        final Set<Character> signs = new LinkedHashSet<>();
        String address;
        boolean away;

        Member(String nick) {
            this.nick = nick;
        }
    }

    final RoomAddress room;
    final String name;
    /** Folded nick to member. */
    final Map<String, Member> members = new LinkedHashMap<>();
    String topic = "";
    /** Whether the end of the first member list came, and so RoomJoined was reported. */
    boolean reported;

    Channel(RoomAddress room, String name) {
        this.room = room;
        this.name = name;
    }

    Member member(String folded, String nick) {
        return members.computeIfAbsent(folded, k -> new Member(nick));
    }

    List<RoomOccupant> occupants(ServerSupport support) {
        List<RoomOccupant> out = new ArrayList<>();
        for (Member m : members.values()) {
            out.add(occupant(m, support));
        }
        return out;
    }

    static RoomOccupant occupant(Member m, ServerSupport support) {
        return new RoomOccupant(m.nick, support.role(m.signs), m.address, m.away);
    }
}
