package org.switchboard.core.conversation;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.TypingState;

/**
 * Conversations: history, the active conversation and unread counts of one-to-one chats and
 * rooms alike; sending through the outbox and typing for one-to-one chats (a room's text goes
 * through {@link org.switchboard.core.room.RoomService}).
 */
public interface ConversationService {

    /** The last {@code limit} messages, oldest first, read off the caller's thread. */
    CompletableFuture<List<StoredMessage>> recent(ConversationId conversation, int limit);

    /**
     * Sends text: it is written to history as QUEUED first (the future completes then), and
     * goes out when its account is connected; status changes arrive as events. Text that is
     * blank, or addressed to a room, is refused (IllegalArgumentException); text over the
     * network's limit is split.
     */
    CompletableFuture<StoredMessage> send(ConversationId conversation, String text);

    /**
     * Whether {@code message} can be corrected now: the user's own one-to-one message, already
     * sent, on an account whose network takes corrections (and is connected). Any thread.
     */
    boolean canCorrect(StoredMessage message);

    /**
     * Replaces the text of the user's last sent message: history takes the new text (marked
     * edited, announced as MessageUpdated) and the network gets the correction. Completes with
     * the updated message. Blank text is refused (IllegalArgumentException), as is a message
     * that {@link #canCorrect} refuses (IllegalStateException).
     */
    CompletableFuture<StoredMessage> correct(StoredMessage original, String newText);

    /** Tells the peer whether the user is typing; repeated calls are cheap and coalesced. */
    void typing(ConversationId conversation, TypingState state);

    /**
     * The conversation the user is looking at (or empty). Its incoming messages count as read
     * at once, and read receipts go out for them.
     */
    void setActive(Optional<ConversationId> conversation);

    /** Marks everything in the conversation as read (unread count 0, read receipt sent). */
    void markRead(ConversationId conversation);

    int unread(ConversationId conversation);

    TypingState peerTyping(ConversationId conversation);
}
