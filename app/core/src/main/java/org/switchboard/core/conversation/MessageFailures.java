package org.switchboard.core.conversation;

/**
 * Why the app itself failed a message, as stored in its {@code failure} text. Other failure
 * texts come from the network as it said them; these are codes, so the UI can say them in the
 * user's language ({@code message.failure.<code>} in its bundles).
 */
public final class MessageFailures {

    /** What the codes start with. */
    public static final String PREFIX = "switchboard:";

    /** The user left the room, or was removed from it, before the message went out. */
    public static final String LEFT_ROOM = PREFIX + "left-room";

    private MessageFailures() {
    }

    /** The code of an app failure ({@code left-room}), or null for a network's own text. */
    public static String code(String failure) {
        return failure != null && failure.startsWith(PREFIX) ? failure.substring(PREFIX.length()) : null;
    }
}
