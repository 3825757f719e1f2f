package org.switchboard.core.room;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.switchboard.protocol.model.RoomActivity;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomOccupant;

/**
 * What the app knows of one room. Changed on the core thread only; the snapshots it hands out
 * ({@link #summary}, {@link #members()}, {@link #activity()}) are immutable and published
 * through volatile fields, so any thread may read them.
 */
final class RoomState {

    /** Activity lines kept per room; older ones are dropped (they are not history). */
    static final int MAX_ACTIVITY = 1_000;

    final RoomAddress address;
    private final MemberList members = new MemberList();
    private final Deque<RoomActivityLine> lines = new ArrayDeque<>();
    private boolean joined;
    private String ownNick = "";
    private String topic = "";
    private boolean topicEditable;
    private volatile Room summary;
    private volatile List<RoomOccupant> memberSnapshot = List.of();
    private volatile List<RoomActivityLine> activitySnapshot = List.of();

    RoomState(RoomAddress address) {
        this.address = address;
        publish();
    }

    void joined(String nick, List<RoomOccupant> occupants, String newTopic, boolean canHaveTopic) {
        joined = true;
        topicEditable = canHaveTopic;
        ownNick = nick == null ? ownNick : nick;
        topic = newTopic == null ? "" : newTopic;
        members.replaceAll(occupants);
        publish();
    }

    void left() {
        joined = false;
        members.clear();
        publish();
    }

    boolean isJoined() {
        return joined;
    }

    /**
     * Applies an activity to the member list, topic and own nick; returns the line to show, or
     * null when there is nothing to show (a member list being filled in at join, an away change).
     */
    RoomActivityLine apply(RoomActivity activity, Instant at) {
        boolean show = switch (activity) {
            case RoomActivity.Joined j -> members.put(j.occupant()) && joined;
            case RoomActivity.Left l -> {
                members.remove(l.nick());
                yield joined;
            }
            case RoomActivity.Quit q -> members.remove(q.nick());
            case RoomActivity.Kicked k -> {
                members.remove(k.nick());
                yield true;
            }
            case RoomActivity.NickChanged n -> {
                if (n.oldNick().equals(ownNick)) {
                    ownNick = n.newNick();
                }
                members.rename(n.oldNick(), n.newNick());
                yield true;
            }
            case RoomActivity.RoleChanged r -> {
                members.setRole(r.nick(), r.role());
                yield true;
            }
            case RoomActivity.AwayChanged a -> {
                members.setAway(a.nick(), a.away());
                yield false;
            }
            case RoomActivity.TopicChanged t -> {
                topic = t.topic() == null ? "" : t.topic();
                yield true;
            }
        };
        RoomActivityLine line = show ? new RoomActivityLine(address, at, activity) : null;
        if (line != null) {
            lines.addLast(line);
            while (lines.size() > MAX_ACTIVITY) {
                lines.removeFirst();
            }
        }
        publish();
        return line;
    }

    private void publish() {
        memberSnapshot = members.sorted();
        activitySnapshot = List.copyOf(lines);
        summary = new Room(address, joined, ownNick, topic, memberSnapshot.size(), topicEditable);
    }

    Room summary() {
        return summary;
    }

    List<RoomOccupant> members() {
        return memberSnapshot;
    }

    List<RoomActivityLine> activity() {
        return activitySnapshot;
    }
}
