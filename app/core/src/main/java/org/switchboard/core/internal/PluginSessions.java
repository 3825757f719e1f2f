package org.switchboard.core.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.switchboard.core.account.Account;
import org.switchboard.core.plugins.PluginManager;
import org.switchboard.core.provider.ProviderRegistry;
import org.switchboard.core.session.SessionSupervisor;

/** Stops and starts the accounts of plugin protocols around a plugin reload, on the core thread. */
final class PluginSessions implements PluginManager.AccountSessions {

    private final CoreThread core;
    private final SessionSupervisor sessions;
    private final ProviderRegistry providers;
    private final Supplier<List<Account>> accounts;

    PluginSessions(CoreThread core, SessionSupervisor sessions, ProviderRegistry providers,
                   Supplier<List<Account>> accounts) {
        this.core = core;
        this.sessions = sessions;
        this.providers = providers;
        this.accounts = accounts;
    }

    /** Whether an account waits for the plugins: its protocol is no built-in one. */
    boolean needsPlugin(Account account) {
        return !providers.builtInIds().contains(account.protocolId());
    }

    @Override
    public CompletableFuture<Void> stop(Set<String> protocolIds) {
        return core.call(() -> accounts.get().stream().filter(a -> protocolIds.contains(a.protocolId()))
                        .map(a -> sessions.disconnect(a.id())).toList())
                .thenCompose(all -> CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
    }

    @Override
    public void start(Set<String> protocolIds) {
        // Accounts whose protocol nothing speaks are tried too: their status then says so.
        core.execute(() -> accounts.get().stream()
                .filter(a -> a.enabled() && !a.demo())
                .filter(a -> protocolIds.contains(a.protocolId()) || providers.find(a.protocolId()).isEmpty())
                .forEach(sessions::connect));
    }
}
