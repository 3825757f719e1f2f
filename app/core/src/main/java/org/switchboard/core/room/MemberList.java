package org.switchboard.core.room;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.protocol.model.RoomOccupant;
import org.switchboard.protocol.model.RoomRole;

/** The members of one room, kept by nick; sorted by role (highest first), then nick, when listed. */
final class MemberList {

    static final Comparator<RoomOccupant> ORDER = Comparator.comparing(RoomOccupant::role)
            .thenComparing(o -> o.nick().toLowerCase(Locale.ROOT))
            .thenComparing(RoomOccupant::nick);

    private final Map<String, RoomOccupant> byNick = new HashMap<>();

    void replaceAll(List<RoomOccupant> occupants) {
        byNick.clear();
        occupants.forEach(this::put);
    }

    /** Adds or replaces; returns whether the nick was new. */
    boolean put(RoomOccupant occupant) {
        return byNick.put(occupant.nick(), occupant) == null;
    }

    boolean remove(String nick) {
        return byNick.remove(nick) != null;
    }

    boolean contains(String nick) {
        return byNick.containsKey(nick);
    }

    void rename(String oldNick, String newNick) {
        RoomOccupant old = byNick.remove(oldNick);
        RoomOccupant renamed = old == null ? RoomOccupant.member(newNick)
                : new RoomOccupant(newNick, old.role(), old.address(), old.away());
        byNick.put(newNick, renamed);
    }

    void setRole(String nick, RoomRole role) {
        RoomOccupant old = Optional.ofNullable(byNick.get(nick)).orElse(RoomOccupant.member(nick));
        byNick.put(nick, new RoomOccupant(nick, role, old.address(), old.away()));
    }

    void setAway(String nick, boolean away) {
        RoomOccupant old = byNick.get(nick);
        if (old != null) {
            byNick.put(nick, new RoomOccupant(nick, old.role(), old.address(), away));
        }
    }

    void clear() {
        byNick.clear();
    }

    int size() {
        return byNick.size();
    }

    List<RoomOccupant> sorted() {
        return byNick.values().stream().sorted(ORDER).toList();
    }
}
