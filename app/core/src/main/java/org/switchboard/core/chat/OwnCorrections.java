package org.switchboard.core.chat;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.history.HistoryStore;
import org.switchboard.core.internal.CoreThread;
import org.switchboard.core.internal.ListenerHub;
import org.switchboard.core.session.SessionSupervisor;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.spi.capability.Corrections;

/**
 * The user's corrections of their own last message (XEP-0308 on XMPP): the history's copy takes
 * the new text at once (marked edited), then the correction goes to the network.
 */
final class OwnCorrections {

    private static final Logger LOG = LoggerFactory.getLogger(OwnCorrections.class);
    private static final java.time.Duration SEND_LIMIT = java.time.Duration.ofSeconds(30);

    private final CoreThread core;
    private final HistoryStore history;
    private final SessionSupervisor sessions;
    private final ListenerHub hub;

    OwnCorrections(CoreThread core, HistoryStore history, SessionSupervisor sessions, ListenerHub hub) {
        this.core = core;
        this.history = history;
        this.sessions = sessions;
        this.hub = hub;
    }

    boolean canCorrect(StoredMessage message) {
        return message != null && !message.conversation().isRoom() && message.direction() == Direction.OUTGOING
                && message.status() != MessageStatus.QUEUED && message.status() != MessageStatus.FAILED
                && sessions.capability(message.conversation().peer().account(), Corrections.class).isPresent();
    }

    CompletableFuture<StoredMessage> correct(StoredMessage original, String newText) {
        Objects.requireNonNull(original, "original");
        if (newText == null || newText.isBlank()) {
            throw new IllegalArgumentException("a correction needs some text");
        }
        if (!canCorrect(original)) {
            // A message still in the outbox, a room's or a network without corrections: nothing to replace.
            throw new IllegalStateException("this message cannot be corrected");
        }
        String text = newText.strip();
        return history.correct(original.conversation(), original.id(), text).thenComposeAsync(updated -> {
            if (updated.isEmpty()) {
                return CompletableFuture.completedFuture(original);
            }
            hub.publish(new CoreEvent.MessageUpdated(updated.get()));
            sessions.callCapability(original.conversation().peer().account(), Corrections.class,
                    c -> c.correct(original.conversation().peer(), original.id(), MessageId.newClientId(), text),
                    SEND_LIMIT).whenComplete((ok, error) -> {
                        if (error != null) {
                            LOG.info("a correction to {} was not sent: {}", original.conversation().peer(),
                                    error.toString());
                        }
                    });
            return CompletableFuture.completedFuture(updated.get());
        }, core);
    }
}
