package org.switchboard.core.session;

import java.util.concurrent.ScheduledFuture;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountStatus;
import org.switchboard.protocol.spi.ConnectionState;
import org.switchboard.protocol.spi.ProtocolSession;

/**
 * One account's connection as the supervisor drives it. Confined to the core thread.
 * {@code generation} grows with each attempt so that late events of an abandoned session are
 * recognised and dropped.
 */
final class AccountConnection {

    Account account;
    ProtocolSession session;
    ConnectionState state = ConnectionState.DISCONNECTED;
    /** Written on the core thread, read from any (the UI asks for it). */
    volatile AccountStatus status;
    int failures;
    int generation;
    ScheduledFuture<?> retry;

    AccountConnection(Account account) {
        this.account = account;
        this.status = AccountStatus.of(account.id(), ConnectionState.DISCONNECTED);
    }

    void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }
}
