package org.switchboard.core.store;

import java.io.IOException;
import java.util.Map;
import org.switchboard.protocol.model.AccountId;

/**
 * Where account secrets live, apart from the account file. The owner-only file is the
 * fallback; a desktop keyring (Secret Service, KWallet, macOS Keychain) plugs in here.
 */
public interface SecretStore {

    /** The account's secrets (field key → value); empty when it has none. */
    Map<String, String> get(AccountId account);

    /** Replaces the account's secrets. */
    void put(AccountId account, Map<String, String> secrets) throws IOException;

    void remove(AccountId account) throws IOException;
}
