package org.switchboard.core.conversation;

import java.util.Objects;
import org.switchboard.protocol.model.ContactAddress;

/** A one-to-one conversation: one account with one peer. */
public record ConversationId(ContactAddress peer) {
    public ConversationId {
        Objects.requireNonNull(peer, "peer");
    }

    /** A stable text key, used as the history's conversation column. */
    public String key() {
        return peer.account().value() + "/" + peer.handle();
    }
}
