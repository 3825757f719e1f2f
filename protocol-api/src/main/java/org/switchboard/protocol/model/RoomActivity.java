package org.switchboard.protocol.model;

/**
 * Something that happened in a room other than a message, shown in the conversation as a line
 * of its own. Sealed: a {@code switch} that forgets a kind does not compile.
 */
public sealed interface RoomActivity {

    /** Someone came in (also reported for each member when the user joins, as the member list). */
    record Joined(RoomOccupant occupant) implements RoomActivity {
    }

    /** Someone left this room; {@code reason} may be empty. */
    record Left(String nick, String reason) implements RoomActivity {
    }

    /** Someone left the network (IRC QUIT), and so every room. */
    record Quit(String nick, String reason) implements RoomActivity {
    }

    /** Someone was removed by {@code by} (may be empty when the network does not say). */
    record Kicked(String nick, String by, String reason) implements RoomActivity {
    }

    record NickChanged(String oldNick, String newNick) implements RoomActivity {
    }

    record RoleChanged(String nick, RoomRole role) implements RoomActivity {
    }

    record AwayChanged(String nick, boolean away) implements RoomActivity {
    }

    /** The topic is now {@code topic} (empty when cleared), set by {@code by} (may be empty). */
    record TopicChanged(String topic, String by) implements RoomActivity {
    }
}
