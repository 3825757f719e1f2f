package org.switchboard.protocol.spi.capability;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.RoomAddress;

/**
 * The server's message archive (XMPP MAM, XEP-0313): what arrived while the user was offline or
 * was written from the user's other clients. The DESIGN calls this capability {@code History};
 * it is named for what it is here so that it does not shadow the app's own history.
 *
 * <p>Archived messages are reported as ordinary {@code MessageReceived} and
 * {@code RoomMessageReceived} events (oldest first, each with the network's archive id as
 * {@code MessageId.networkId}), before the future completes. The app stores each once.
 */
public interface ServerArchive extends Capability {

    /**
     * Fetches one-to-one messages archived after a point: after the archive id
     * {@code afterNetworkId} when the app knows the last one it stored, else since {@code since}.
     * Pages through the archive until done. Completes with the number of messages reported.
     *
     * @param afterNetworkId the newest archive id the app has stored, or null
     * @param since          the earliest time to fetch when no id is given (or the id is unknown
     *                       to the server)
     */
    CompletableFuture<Integer> fetchSince(String afterNetworkId, Instant since);

    /** Like {@link #fetchSince} for one room's archive. */
    CompletableFuture<Integer> fetchRoomSince(RoomAddress room, String afterNetworkId, Instant since);
}
