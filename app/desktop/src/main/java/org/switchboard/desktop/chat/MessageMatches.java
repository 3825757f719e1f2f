package org.switchboard.desktop.chat;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.switchboard.core.conversation.StoredMessage;

/** Which loaded messages contain a text, and which of them comes next from a position, wrapping around. */
public final class MessageMatches {

    private MessageMatches() {
    }

    /** False for no message (an activity line in a room's list). */
    public static boolean contains(StoredMessage message, String text) {
        return message != null && text != null && !text.isBlank()
                && message.body().toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT));
    }

    public static List<Integer> indices(List<StoredMessage> messages, String text) {
        return IntStream.range(0, messages.size()).filter(i -> contains(messages.get(i), text)).boxed().toList();
    }

    /**
     * The match after (or, going back, before) {@code from}; -1 when nothing matches. A search
     * starting from nothing selected ({@code from} = -1) going back starts at the newest message.
     */
    public static int next(List<StoredMessage> messages, String text, int from, boolean forward) {
        List<Integer> found = indices(messages, text);
        if (found.isEmpty()) {
            return -1;
        }
        if (forward) {
            return found.stream().filter(i -> i > from).findFirst().orElse(found.getFirst());
        }
        int start = from < 0 ? messages.size() : from;
        return found.reversed().stream().filter(i -> i < start).findFirst().orElse(found.getLast());
    }
}
