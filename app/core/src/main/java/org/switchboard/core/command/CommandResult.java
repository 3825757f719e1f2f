package org.switchboard.core.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.core.conversation.ConversationId;

/**
 * What a line typed into a conversation did, for the UI to say in the user's language
 * ({@link Outcome} names the text; {@code args} fill it in).
 *
 * @param open a conversation the UI should open and show (the room joined, the nick written to)
 */
public record CommandResult(Outcome outcome, List<String> args, Optional<ConversationId> open) {

    public enum Outcome {
        /** The text went to the outbox; nothing to say. */
        SENT,
        /** A private conversation was opened and the text sent there. Args: nick. */
        OPENED,
        /** Args: room. */
        JOINED,
        /** Args: room. */
        LEFT,
        /** Args: new nick. */
        NICK_CHANGED,
        /** Args: room, topic (empty when there is none). */
        TOPIC,
        /** Args: room. */
        TOPIC_SET,
        /** Args: who, room. */
        INVITED,
        /** Args: away text. */
        AWAY,
        BACK,
        QUIT,
        /** Args: the commands. */
        HELP,
        /** Args: the command typed. Nothing was sent. */
        UNKNOWN_COMMAND,
        /** Args: the command, missing what it needs. Nothing was sent. */
        USAGE,
        /** Args: the command, which this account's network cannot do. */
        NOT_SUPPORTED,
        /** Args: the command, which needs a room's conversation. */
        NOT_IN_ROOM
    }

    public CommandResult {
        Objects.requireNonNull(outcome, "outcome");
        args = List.copyOf(args);
        Objects.requireNonNull(open, "open");
    }

    public static CommandResult of(Outcome outcome, String... args) {
        return new CommandResult(outcome, List.of(args), Optional.empty());
    }

    public static CommandResult opening(Outcome outcome, ConversationId open, String... args) {
        return new CommandResult(outcome, List.of(args), Optional.of(open));
    }
}
