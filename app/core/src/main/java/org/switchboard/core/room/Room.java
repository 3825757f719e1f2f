package org.switchboard.core.room;

import java.util.Objects;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.protocol.model.RoomAddress;

/**
 * A room the user is in or wants to be in, as the room list shows it.
 *
 * @param joined      whether the user is in it now (false while the account is offline, until rejoined)
 * @param ownNick     the user's nick there; empty before the first join
 * @param topic       the topic; empty when none
 * @param memberCount how many members are present
 * @param topicEditable whether the network lets rooms have a topic the members may set
 */
public record Room(RoomAddress address, boolean joined, String ownNick, String topic, int memberCount,
                   boolean topicEditable) {
    public Room {
        Objects.requireNonNull(address, "address");
        ownNick = ownNick == null ? "" : ownNick;
        topic = topic == null ? "" : topic;
    }

    public ConversationId conversation() {
        return new ConversationId(address);
    }
}
