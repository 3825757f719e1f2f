package org.switchboard.protocol.model;

import java.util.Objects;

/**
 * A contact as one account sees it: the account, and the network's handle for the peer
 * (a bare JID, an IRC nick, a native user name). Handles are compared exactly; a provider
 * that has case-insensitive handles normalises them before making an address.
 */
public record ContactAddress(AccountId account, String handle) {
    public ContactAddress {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(handle, "handle");
        if (handle.isBlank()) {
            throw new IllegalArgumentException("contact handle is blank");
        }
    }

    @Override
    public String toString() {
        return handle + " (" + account + ")";
    }
}
