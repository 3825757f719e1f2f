package org.switchboard.protocol.spi.capability;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingRoomMessage;
import org.switchboard.protocol.model.RoomAddress;

/**
 * Rooms: IRC channels, XMPP multi-user chats. Events: {@code RoomJoined} when the user is in
 * (with the member list and topic), {@code RoomActivityOccurred} for joins, parts, quits, kicks,
 * nick, role and topic changes, {@code RoomMessageReceived} for messages (the user's own echoed
 * back included), {@code RoomLeft} when the user is out (left, kicked, or disconnected), and
 * {@code RoomInvitationReceived}.
 *
 * <p>Rooms the account joins on its own at login (IRC channels in the account settings, XMPP
 * bookmarks with autojoin) are reported with {@code RoomJoined} like any other.
 */
public interface GroupChat extends Capability {

    /** Finer options; ask with {@link #supports(Feature)}. */
    enum Feature {
        /** Rooms have a topic that members may set. */
        TOPIC,
        /** The user can invite a contact into a room. */
        INVITE,
        /** The user's nick is per room (XMPP), not one for the whole network (IRC). */
        NICK_PER_ROOM,
        /** The room's recent history is replayed on join, marked {@code archived}. */
        HISTORY_ON_JOIN,
        /** The server keeps rooms the user wants joined at login (XMPP bookmarks). */
        BOOKMARKS
    }

    boolean supports(Feature feature);

    /**
     * Turns what a user typed ({@code switchboard}, {@code #switchboard},
     * {@code lounge@conference.example.org}, or a short name the provider completes with the
     * server's room service) into the network's address of that room.
     *
     * @throws IllegalArgumentException with a readable message when it cannot name a room
     */
    RoomAddress room(String userInput);

    /**
     * Joins a room. Completes when the user is in (after {@code RoomJoined} was reported); fails
     * with REJECTED (banned, members only, wrong password, nick in use) or another reason.
     *
     * @param nick     the nick to use there, or null for the account's own
     * @param password the room's password, or null
     */
    CompletableFuture<Void> join(RoomAddress room, String nick, String password);

    /**
     * Joins a room, asking it not to replay its recent history when {@code replayHistory} is
     * false: an app that fetches the gap from the server's archive wants it once, in order, and
     * not the last few messages first. Networks without a replay ignore the flag.
     */
    default CompletableFuture<Void> join(RoomAddress room, String nick, String password, boolean replayHistory) {
        return join(room, nick, password);
    }

    /** Leaves a room; completes when out ({@code RoomLeft} reported). Never fails for a room not joined. */
    CompletableFuture<Void> leave(RoomAddress room, String reason);

    /** The rooms the user is in now. */
    Set<RoomAddress> joined();

    /**
     * Sends a message to a room the user is in. Completes with the id (with the network's id
     * where it assigns one) when the server accepted it; fails with NOT_CONNECTED, REJECTED
     * (not in the room, no voice), INVALID_INPUT (empty, too long) or a transient reason.
     */
    CompletableFuture<MessageId> send(OutgoingRoomMessage message);

    /** The longest body, in UTF-8 bytes, that one room message may carry. */
    int maxBodyBytes();

    /** Sets the topic; fails with UNSUPPORTED without {@link Feature#TOPIC}, REJECTED when not allowed. */
    CompletableFuture<Void> setTopic(RoomAddress room, String topic);

    /**
     * Changes the user's nick in a room; where the nick is network-wide (IRC, no
     * {@link Feature#NICK_PER_ROOM}) the room is ignored and the nick changes everywhere. Fails
     * with REJECTED when the nick is taken or not allowed.
     */
    CompletableFuture<Void> changeNick(RoomAddress room, String nick);

    /** The user's nick in a room the user is in (the network nick where it is network-wide). */
    String nick(RoomAddress room);

    /** Invites a contact; fails with UNSUPPORTED without {@link Feature#INVITE}. */
    CompletableFuture<Void> invite(RoomAddress room, ContactAddress contact, String reason);

    /**
     * The rooms kept on the server to join at login (XMPP bookmarks); empty without
     * {@link Feature#BOOKMARKS}.
     */
    default CompletableFuture<List<RoomAddress>> bookmarks() {
        return CompletableFuture.completedFuture(List.of());
    }

    /** Adds or removes a room from the server's bookmarks, to be joined at login when kept. */
    default CompletableFuture<Void> bookmark(RoomAddress room, boolean keep) {
        return CompletableFuture.failedFuture(new org.switchboard.protocol.spi.ProtocolException(
                org.switchboard.protocol.spi.ProtocolException.Reason.UNSUPPORTED,
                "this network keeps no bookmarks"));
    }
}
