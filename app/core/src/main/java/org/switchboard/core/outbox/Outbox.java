package org.switchboard.core.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.history.HistoryStore;
import org.switchboard.core.internal.CoreThread;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.OutgoingMessage;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.Messaging;

/**
 * Sends QUEUED messages (one-to-one or room messages: one outbox each), one at a time per account and in the order they were stored, so a
 * retry can never overtake a later message. The queue itself is the history's QUEUED rows: it
 * is reloaded on every connect, so messages survive disconnects and restarts. Core thread only.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private static final class Queue {
        final TreeMap<Long, StoredMessage> pending = new TreeMap<>();
        final Set<Long> done = new HashSet<>();
        boolean inFlight;
        /** The message being sent while {@link #inFlight}. */
        long inFlightSeq = -1;
        /** Messages discarded while being sent, with the failure to record if the send fails. */
        final Map<Long, String> discarded = new HashMap<>();
        int generation;
        /** Failed transient tries in a row on this connection; sets the retry delay. */
        int transientFailures;
    }

    /** First wait before resending after a transient failure on a live connection; doubles up to the cap. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration MAX_RETRY = Duration.ofSeconds(60);

    /** Where an account's messages go while it can send; absent while it cannot. */
    @FunctionalInterface
    public interface Channel {
        /** Sends one message; completes with its id (with the network id when there is one). */
        CompletableFuture<MessageId> send(StoredMessage message);
    }

    private final CoreThread core;
    private final HistoryStore history;
    private final boolean rooms;
    private final Function<AccountId, Optional<Channel>> channels;
    private final Consumer<StoredMessage> updated;
    private final Map<AccountId, Queue> queues = new HashMap<>();

    /** The outbox of one-to-one messages, sent with {@link Messaging}. */
    public Outbox(CoreThread core, HistoryStore history, Function<AccountId, Optional<Messaging>> messaging,
                  Consumer<StoredMessage> updated) {
        this(core, history, false, account -> messaging.apply(account).map(m -> message -> m.send(
                new OutgoingMessage(message.id(), message.conversation().peer(), message.body()))), updated);
    }

    /** An outbox over any channel; {@code rooms} says which of history's QUEUED rows are its own. */
    public Outbox(CoreThread core, HistoryStore history, boolean rooms, Function<AccountId, Optional<Channel>> channels,
                  Consumer<StoredMessage> updated) {
        this.core = core;
        this.history = history;
        this.rooms = rooms;
        this.channels = channels;
        this.updated = updated;
    }

    /** A message just written as QUEUED. */
    public void enqueue(StoredMessage message) {
        AccountId account = message.conversation().account();
        Queue q = queue(account);
        if (!q.done.contains(message.seq())) {
            q.pending.putIfAbsent(message.seq(), message);
        }
        pump(account);
    }

    /** The account is connected: everything QUEUED in history goes out, oldest first. */
    public void connected(AccountId account) {
        Queue q = queue(account);
        q.generation++;
        q.inFlight = false;
        q.transientFailures = 0;
        int generation = q.generation;
        history.queued(account, rooms).whenCompleteAsync((rows, error) -> {
            if (error != null) {
                LOG.error("reading the outbox of {} failed", account, error);
                return;
            }
            if (q.generation != generation) {
                return;
            }
            for (StoredMessage m : rows) {
                if (!q.done.contains(m.seq())) {
                    q.pending.putIfAbsent(m.seq(), m);
                }
            }
            pump(account);
        }, core);
    }

    /**
     * Stops sending the conversation's waiting messages; the caller records them failed. One
     * being sent right now is not retried: if its send fails it is recorded failed with
     * {@code failure}; returns its seq (so the caller leaves it alone), or -1.
     */
    public long discard(ConversationId conversation, String failure) {
        Queue q = queue(conversation.account());
        long sending = q.inFlight && q.pending.containsKey(q.inFlightSeq)
                && q.pending.get(q.inFlightSeq).conversation().equals(conversation) ? q.inFlightSeq : -1;
        q.pending.values().removeIf(m -> {
            boolean drop = m.conversation().equals(conversation) && m.seq() != sending;
            if (drop) {
                q.done.add(m.seq());
            }
            return drop;
        });
        if (sending >= 0) {
            q.discarded.put(sending, failure);
        }
        pump(conversation.account());
        return sending;
    }

    /** These messages were recorded failed by someone else: never send them (a late reload may still list them). */
    public void dropped(List<StoredMessage> messages) {
        for (StoredMessage m : messages) {
            Queue q = queue(m.conversation().account());
            q.done.add(m.seq());
            if (!(q.inFlight && q.inFlightSeq == m.seq())) {
                q.pending.remove(m.seq());
            }
        }
    }

    public void disconnected(AccountId account) {
        Queue q = queue(account);
        q.generation++;
        q.inFlight = false;
    }

    public void forget(AccountId account) {
        queues.remove(account);
    }

    private Queue queue(AccountId account) {
        return queues.computeIfAbsent(account, a -> new Queue());
    }

    private void pump(AccountId account) {
        Queue q = queue(account);
        if (q.inFlight || q.pending.isEmpty()) {
            return;
        }
        Optional<Channel> channel = channels.apply(account);
        if (channel.isEmpty()) {
            return;
        }
        StoredMessage message = q.pending.firstEntry().getValue();
        q.inFlight = true;
        q.inFlightSeq = message.seq();
        int generation = q.generation;
        CompletableFuture<MessageId> sending;
        try {
            sending = channel.get().send(message);
        } catch (RuntimeException e) {
            sending = CompletableFuture.failedFuture(e);
        }
        sending.whenComplete((id, error) -> core.execute(() -> onResult(account, q, generation, message, id, error)));
    }

    private void onResult(AccountId account, Queue q, int generation, StoredMessage message, MessageId id,
                          Throwable error) {
        boolean current = generation == q.generation;
        if (error == null) {
            q.discarded.remove(message.seq());
            q.transientFailures = 0;
            finish(q, message, id == null ? message.id() : id, MessageStatus.SENT, null);
        } else {
            ProtocolException failure = ProtocolException.from(error);
            String discardedAs = q.discarded.remove(message.seq());
            if (discardedAs != null) {
                // Discarded while being sent: not retried.
                finish(q, message, message.id(), MessageStatus.FAILED, discardedAs);
            } else if (failure.isTransient() || failure.reason() == Reason.NOT_CONNECTED) {
                // Stays QUEUED and first in line. A reconnect resends it; if the connection
                // stays up (a timeout, a rate limit), a timer does, so it is never stuck.
                if (current) {
                    Duration wait = retryDelay(q.transientFailures++);
                    LOG.info("message {} to {} is retried in {} s: {}", message.seq(),
                            message.conversation(), wait.toSeconds(), failure.getMessage());
                    core.schedule(() -> {
                        if (generation == q.generation) {
                            q.inFlight = false;
                            pump(account);
                        }
                    }, wait);
                }
                return;
            } else {
                finish(q, message, message.id(), MessageStatus.FAILED, failure.getMessage());
            }
        }
        if (current) {
            q.inFlight = false;
            pump(account);
        }
    }

    static Duration retryDelay(int failuresSoFar) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failuresSoFar, 5));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private void finish(Queue q, StoredMessage message, MessageId id, MessageStatus status, String failure) {
        q.pending.remove(message.seq());
        q.done.add(message.seq());
        history.updateStatus(message.conversation(), id, status, failure)
                .whenCompleteAsync((changed, error) -> {
                    if (error != null) {
                        LOG.error("recording the status of message {} failed", message.seq(), error);
                    } else {
                        changed.ifPresent(updated);
                    }
                }, core);
    }

    /** What is waiting, for tests and diagnostics. */
    public List<StoredMessage> pending(AccountId account) {
        return List.copyOf(queue(account).pending.values());
    }
}
