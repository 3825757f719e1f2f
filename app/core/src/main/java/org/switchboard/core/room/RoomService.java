package org.switchboard.core.room;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomOccupant;

/**
 * Rooms (IRC channels, XMPP multi-user chats). The rooms the user joins are remembered per
 * account in the profile and joined again after every reconnect and restart; a room the user
 * leaves is forgotten. History, unread counts and the active conversation are shared with
 * {@link org.switchboard.core.conversation.ConversationService}, under the room's
 * {@link org.switchboard.core.conversation.ConversationId}. Reads never block; commands complete
 * off the caller's thread.
 */
public interface RoomService {

    /** Whether the account can join rooms now (connected, with group chat). */
    boolean canJoin(AccountId account);

    /**
     * Joins a room named as the user typed it ({@code #switchboard}, {@code lounge@conference…}).
     * Completes with the room once the user is in, and remembers it; fails with
     * IllegalArgumentException (a name the network cannot take) or a ProtocolException
     * (NOT_CONNECTED, UNSUPPORTED without group chat, REJECTED: banned, wrong password, nick in use).
     *
     * @param nick     the nick to use there, or null/blank for the account's own
     * @param password the room's password, or null/blank
     */
    CompletableFuture<RoomAddress> join(AccountId account, String userInput, String nick, String password);

    /** Leaves the room and forgets it. Never fails for a room not joined or an account offline. */
    CompletableFuture<Void> leave(RoomAddress room, String reason);

    /**
     * Sends text to the room through the outbox: stored as QUEUED first (the future completes
     * then), sent while the user is in the room, split over the network's limit.
     */
    CompletableFuture<StoredMessage> send(RoomAddress room, String text);

    CompletableFuture<Void> setTopic(RoomAddress room, String topic);

    CompletableFuture<Void> changeNick(RoomAddress room, String nick);

    CompletableFuture<Void> invite(RoomAddress room, ContactAddress contact, String reason);

    /** Every room remembered or joined, by account then name. */
    List<Room> rooms();

    /** The account's rooms the user is in now. */
    List<Room> joined(AccountId account);

    Optional<Room> room(RoomAddress room);

    /** Who is present, sorted by role (owners first) then nick. */
    List<RoomOccupant> members(RoomAddress room);

    /** The activity lines the app saw in this room since it started, oldest first. */
    List<RoomActivityLine> activity(RoomAddress room);

    int unread(RoomAddress room);
}
