package org.switchboard.core.conversation;

import java.util.Objects;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.RoomAddress;

/**
 * A conversation: one account with one peer ({@link Kind#DIRECT}), or one account in a room
 * ({@link Kind#ROOM}). {@code name} is the peer's handle or the room's name.
 */
public record ConversationId(Kind kind, AccountId account, String name) {

    public enum Kind {
        DIRECT,
        ROOM
    }

    /** Prefix of every room key; direct keys begin with an account id, which the app makes as a UUID. */
    static final String ROOM_KEY_PREFIX = "room:";

    public ConversationId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("conversation name is blank");
        }
    }

    /** A one-to-one conversation. */
    public ConversationId(ContactAddress peer) {
        this(Kind.DIRECT, Objects.requireNonNull(peer, "peer").account(), peer.handle());
    }

    /** A room's conversation. */
    public ConversationId(RoomAddress room) {
        this(Kind.ROOM, Objects.requireNonNull(room, "room").account(), room.name());
    }

    public boolean isRoom() {
        return kind == Kind.ROOM;
    }

    /** The peer of a one-to-one conversation; throws for a room. */
    public ContactAddress peer() {
        if (isRoom()) {
            throw new IllegalStateException(this + " is a room, not a one-to-one conversation");
        }
        return new ContactAddress(account, name);
    }

    /** The room of a room conversation; throws for a one-to-one one. */
    public RoomAddress room() {
        if (!isRoom()) {
            throw new IllegalStateException(this + " is a one-to-one conversation, not a room");
        }
        return new RoomAddress(account, name);
    }

    /**
     * A stable text key, used as the history's conversation column. One-to-one keys are
     * {@code account/handle}, as they have always been, so older history keeps its keys; room
     * keys carry a prefix that no account id starts with, so the two never collide.
     */
    public String key() {
        String plain = account.value() + "/" + name;
        return isRoom() ? ROOM_KEY_PREFIX + plain : plain;
    }

    @Override
    public String toString() {
        return (isRoom() ? "room " : "") + name + " (" + account + ")";
    }
}
