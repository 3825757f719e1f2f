package org.switchboard.desktop.rooms;

/**
 * A nick's colour in a room, the same every time the nick appears (in the messages and the
 * member list), from a small palette that reads on the light and the dark theme.
 */
public final class NickColors {

    public static final int PALETTE_SIZE = 8;

    private NickColors() {
    }

    /** The style class of a nick's colour: {@code nick-color-0} … {@code nick-color-7}. */
    public static String styleClass(String nick) {
        return "nick-color-" + index(nick);
    }

    static int index(String nick) {
        // A hash of our own: String.hashCode is fine too, but this one spreads short nicks better.
        int h = 0x811c9dc5;
        for (int i = 0; i < nick.length(); i++) {
            h ^= Character.toLowerCase(nick.charAt(i));
            h *= 0x01000193;
        }
        return Math.floorMod(h, PALETTE_SIZE);
    }
}
