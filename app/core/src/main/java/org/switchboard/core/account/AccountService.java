package org.switchboard.core.account;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.ProtocolProvider;

/**
 * Accounts and their connections. Changes are persisted (settings to {@code accounts.json},
 * secrets to the secret store) off the caller's thread; the futures complete when saved.
 */
public interface AccountService {

    /** The providers found on the class path and in the plugins folder. */
    List<ProtocolProvider> providers();

    List<Account> accounts();

    AccountStatus status(AccountId account);

    /**
     * Adds an account from values as typed in the dialog: fields marked secret in the provider's
     * schema go to the secret store, the rest to the account file. Fails with
     * IllegalArgumentException (message = field key → error key) when validation fails.
     * Connects it if enabled.
     */
    CompletableFuture<Account> add(String protocolId, String label, Map<String, String> values);

    /** Replaces an account's values (a blank secret keeps the stored one) and reconnects. */
    CompletableFuture<Account> update(AccountId account, String label, Map<String, String> values);

    CompletableFuture<Void> remove(AccountId account);

    /** Enables (and connects) or disables (and disconnects) an account. */
    CompletableFuture<Void> setEnabled(AccountId account, boolean enabled);

    /**
     * The user accepted a certificate the account refused: pin its SHA-256 for this account
     * only, and reconnect.
     */
    CompletableFuture<Void> trustCertificate(AccountId account, String sha256);

    /** Connects now, skipping the back-off wait. */
    void reconnect(AccountId account);

    /** The values the dialog shows to edit an account (secrets are not returned). */
    Map<String, String> editableValues(AccountId account);
}
