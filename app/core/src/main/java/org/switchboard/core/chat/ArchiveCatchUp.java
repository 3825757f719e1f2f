package org.switchboard.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.history.ArchiveMark;
import org.switchboard.core.history.HistoryStore;
import org.switchboard.core.internal.CoreThread;
import org.switchboard.core.internal.ListenerHub;
import org.switchboard.core.session.SessionSupervisor;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.spi.capability.ServerArchive;

/**
 * After each login of an account whose network keeps an archive, asks it for the one-to-one
 * messages the history lacks: those after the newest archive id stored, or, when none is known,
 * those since the newest stored message (a first login reaches back {@link #FIRST_LOGIN_REACH}).
 * The archive reports them as ordinary received messages; the history's unique ids store each
 * once, whatever else (offline delivery, carbons) also brings them. Rooms joined again after a
 * login are caught up the same way from their own archive, from where their history stood
 * before the join.
 */
public final class ArchiveCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveCatchUp.class);
    /** How far back a first login looks: enough for a fresh install to show recent talk. */
    static final Duration FIRST_LOGIN_REACH = Duration.ofDays(14);
    /** Clocks of client and server differ; fetching a little more costs only duplicates the history drops. */
    static final Duration MARGIN = Duration.ofMinutes(5);
    /** Paging a large archive takes a while; beyond this the fetch is abandoned until the next login. */
    private static final Duration FETCH_LIMIT = Duration.ofMinutes(3);

    private final CoreThread core;
    private final ListenerHub hub;
    private final HistoryStore history;
    private final SessionSupervisor sessions;
    private final Clock clock;
    private final Set<AccountId> running = ConcurrentHashMap.newKeySet();
    /** Rooms about to be joined again, with where their history stood before the join. */
    private final Map<RoomAddress, ArchiveMark> roomMarks = new ConcurrentHashMap<>();

    public ArchiveCatchUp(CoreThread core, ListenerHub hub, HistoryStore history, SessionSupervisor sessions,
                          Clock clock) {
        this.core = core;
        this.hub = hub;
        this.history = history;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Starts a catch-up for a freshly connected account; returns at once. */
    public void connected(AccountId account) {
        if (sessions.capability(account, ServerArchive.class).isEmpty() || !running.add(account)) {
            return;
        }
        history.archiveMark(account)
                .thenCompose(mark -> sessions.callCapability(account, ServerArchive.class,
                        archive -> archive.fetchSince(mark.newestNetworkId(), since(mark)), FETCH_LIMIT))
                .whenComplete((count, error) -> {
                    running.remove(account);
                    if (error != null) {
                        LOG.info("account {}: the server archive could not be read: {}", account, error.toString());
                        return;
                    }
                    LOG.debug("account {}: {} messages from the server archive", account, count);
                    // The archive's messages were handed to the core thread before the fetch
                    // completed; once they are written, say so.
                    core.execute(() -> history.flush().whenCompleteAsync((v, e) ->
                            hub.publish(new CoreEvent.ArchiveFetched(account, count)), core));
                });
    }

    /**
     * Reads where each room's history stands before the account rejoins them; completes on the
     * core thread. A failed read only means those rooms are not caught up this time.
     */
    public CompletableFuture<Void> beforeRejoin(AccountId account, List<RoomAddress> rooms) {
        if (rooms.isEmpty() || sessions.capability(account, ServerArchive.class).isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?>[] reads = rooms.stream()
                .map(room -> history.roomArchiveMark(new ConversationId(room))
                        .thenAccept(mark -> roomMarks.put(room, mark)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(reads).handleAsync((v, error) -> {
            if (error != null) {
                LOG.info("account {}: where its rooms' history stands could not be read: {}", account, error.toString());
            }
            return null;
        }, core);
    }

    /** Whether a room about to be joined again will be caught up from its archive. */
    public boolean willCatchUp(RoomAddress room) {
        return roomMarks.containsKey(room);
    }

    /** A room was joined again: asks its archive for what came after the point read before the join. */
    public void roomJoined(RoomAddress room) {
        ArchiveMark mark = roomMarks.remove(room);
        if (mark == null) {
            return;
        }
        AccountId account = room.account();
        sessions.callCapability(account, ServerArchive.class,
                        archive -> archive.fetchRoomSince(room, mark.newestNetworkId(), since(mark)), FETCH_LIMIT)
                .whenComplete((count, error) -> {
                    if (error != null) {
                        LOG.info("{}: the room's archive could not be read: {}", room, error.toString());
                        return;
                    }
                    core.execute(() -> history.flush().whenCompleteAsync((v, e) ->
                            hub.publish(new CoreEvent.RoomArchiveFetched(room, count)), core));
                });
    }

    Instant since(ArchiveMark mark) {
        return mark.time().map(t -> t.minus(MARGIN)).orElseGet(() -> clock.instant().minus(FIRST_LOGIN_REACH));
    }
}
