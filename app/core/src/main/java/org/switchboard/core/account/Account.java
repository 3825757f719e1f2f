package org.switchboard.core.account;

import java.util.Map;
import java.util.Objects;
import org.switchboard.protocol.model.AccountId;

/**
 * A configured account as stored in {@code accounts.json}: never a secret in here.
 *
 * @param label    what the user calls it (defaults to the handle)
 * @param enabled  whether the app connects it at start
 * @param demo     made by the app for the local demo; its settings are rewritten at each start
 */
public record Account(AccountId id, String protocolId, String label, boolean enabled, boolean demo,
                      Map<String, String> settings) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocolId, "protocolId");
        label = label == null ? "" : label;
        settings = Map.copyOf(settings);
    }

    public Account withSettings(Map<String, String> newSettings) {
        return new Account(id, protocolId, label, enabled, demo, newSettings);
    }

    public Account withEnabled(boolean on) {
        return new Account(id, protocolId, label, on, demo, settings);
    }
}
