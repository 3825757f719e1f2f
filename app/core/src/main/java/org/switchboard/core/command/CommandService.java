package org.switchboard.core.command;

import java.util.concurrent.CompletableFuture;
import org.switchboard.core.conversation.ConversationId;

/** Lines typed into a conversation's input: text to send, or a command ({@link CommandParser}). */
public interface CommandService {

    /**
     * Sends the text or runs the command typed in {@code where}, on that conversation's account.
     * Completes with what happened (an unknown command or a command the network cannot do
     * completes normally and sends nothing); fails with the network's ProtocolException or an
     * IllegalArgumentException when the command itself failed.
     */
    CompletableFuture<CommandResult> submit(ConversationId where, String line);
}
