package org.switchboard.core.session;

import org.switchboard.core.account.AccountStatus;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.ProtocolSession;

/** What the supervisor tells the rest of the core; every call is on the core thread. */
public interface SessionHooks {

    void statusChanged(AccountStatus status);

    void connected(AccountId account, ProtocolSession session);

    void disconnected(AccountId account);

    /** Every event of a live session other than connection state changes. */
    void event(ProtocolEvent event);
}
