package org.switchboard.core.command;

/** What a line typed into a conversation's input asks for; made by {@link CommandParser}. */
public sealed interface InputCommand {

    /** Text to send as a message (plain text, an action {@code "/me ..."}, or {@code "//x"} sent as {@code "/x"}). */
    record Say(String text) implements InputCommand {
    }

    /** {@code /join <room> [password]}; password may be null. */
    record Join(String room, String password) implements InputCommand {
    }

    /** {@code /part [reason]}; reason may be empty. */
    record Part(String reason) implements InputCommand {
    }

    record Nick(String nick) implements InputCommand {
    }

    /** {@code /msg <nick> <text>}: a private message on the same account. */
    record Msg(String nick, String text) implements InputCommand {
    }

    /** {@code /topic [text]}: shows the topic when {@code text} is null, sets it otherwise. */
    record Topic(String text) implements InputCommand {
    }

    /** {@code /invite <nick or address> [reason]}: into the room it is typed in; reason may be empty. */
    record Invite(String who, String reason) implements InputCommand {
    }

    /** {@code /away [text]}: away with that text, or back when the text is empty. */
    record Away(String text) implements InputCommand {
    }

    /** {@code /quit [message]}: disconnects the account. */
    record Quit(String message) implements InputCommand {
    }

    record Help() implements InputCommand {
    }

    /** A command this app does not know; nothing is sent. */
    record Unknown(String name) implements InputCommand {
    }

    /** A known command without what it needs (e.g. {@code /nick} alone); nothing is sent. */
    record Usage(String name) implements InputCommand {
    }
}
