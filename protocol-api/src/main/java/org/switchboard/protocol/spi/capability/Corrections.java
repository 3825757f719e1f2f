package org.switchboard.protocol.spi.capability;

import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.MessageId;

/**
 * Last-message correction (XMPP XEP-0308): the user replaces the text of the last message they
 * sent in a conversation. Corrections from peers arrive as {@code MessageCorrected} events.
 */
public interface Corrections extends Capability {

    /**
     * Replaces the body of {@code original}, which must be the last message the user sent to
     * {@code peer}. {@code correction} is the id of the correcting message.
     */
    CompletableFuture<Void> correct(ContactAddress peer, MessageId original, MessageId correction, String newBody);
}
