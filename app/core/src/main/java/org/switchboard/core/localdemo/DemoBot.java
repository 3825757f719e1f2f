package org.switchboard.core.localdemo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.model.ChatMessage;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.TypingState;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.capability.Messaging;
import org.switchboard.protocol.spi.capability.Presence;
import org.switchboard.protocol.spi.capability.Receipts;
import org.switchboard.protocol.spi.capability.Typing;

/**
 * A demo contact: an ordinary session of the demo's protocol that answers what it is sent.
 * It reads, "types" for a moment and replies, so the demo shows receipts and typing too.
 */
final class DemoBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoBot.class);
    private static final Duration THINKING = Duration.ofMillis(600);

    private final ProtocolSession session;
    private final ScheduledExecutorService scheduler;
    private final UnaryOperator<String> reply;
    private final PresenceStatus presence;

    private DemoBot(ProtocolProvider provider, AccountConfig config, ScheduledExecutorService scheduler,
                    UnaryOperator<String> reply, PresenceStatus presence) {
        this.scheduler = scheduler;
        this.reply = reply;
        this.presence = presence;
        this.session = provider.open(config, this::onEvent);
    }

    /** Makes the bot's session; no I/O until {@link #login()}. */
    static DemoBot open(ProtocolProvider provider, AccountConfig config, ScheduledExecutorService scheduler,
                        UnaryOperator<String> reply, PresenceStatus presence) {
        return new DemoBot(provider, config, scheduler, reply, presence);
    }

    CompletableFuture<Void> login() {
        return session.connect().thenCompose(v -> session.capability(Presence.class)
                .map(p -> p.setOwn(presence)).orElse(CompletableFuture.completedFuture(null)));
    }

    private void onEvent(ProtocolEvent event) {
        if (event instanceof ProtocolEvent.MessageReceived received
                && received.message().direction() == Direction.INCOMING) {
            // Off the session's thread: the listener must return at once.
            scheduler.execute(() -> answer(received.message()));
        }
    }

    private void answer(ChatMessage message) {
        session.capability(Receipts.class).ifPresent(r -> r.markRead(message.peer(), message.id()));
        session.capability(Typing.class).ifPresent(t -> t.setTyping(message.peer(), TypingState.COMPOSING));
        scheduler.schedule(() -> {
            session.capability(Messaging.class).ifPresent(m -> m.send(new OutgoingMessage(MessageId.newClientId(),
                    message.peer(), reply.apply(message.body()))).whenComplete((id, error) -> {
                        if (error != null) {
                            LOG.info("demo contact could not answer: {}", error.getMessage());
                        }
                    }));
            session.capability(Typing.class).ifPresent(t -> t.setTyping(message.peer(), TypingState.IDLE));
        }, THINKING.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            session.disconnect().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("demo contact did not log out cleanly: {}", e.toString());
        } finally {
            session.close();
        }
    }
}
