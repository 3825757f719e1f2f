package org.switchboard.protocol.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.switchboard.protocol.model.AccountId;

/**
 * An account as a provider receives it: plain settings (from the account file) and secrets
 * (from the keyring or the owner-only secret file). {@link #toString()} never shows secrets.
 */
public record AccountConfig(AccountId id, String protocolId, Map<String, String> settings,
                            Map<String, String> secrets) {

    /**
     * Setting that holds SHA-256 fingerprints (hex, comma-separated) of server certificates the
     * user chose to trust for this account, beyond the system's trusted authorities.
     */
    public static final String PINNED_CERTIFICATES = "tls.pinned-sha256";

    public AccountConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocolId, "protocolId");
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
    }

    public String text(String key, String fallback) {
        return setting(key).orElse(fallback);
    }

    public int port(String key, int fallback) {
        return setting(key).map(String::strip).map(Integer::parseInt).orElse(fallback);
    }

    public boolean flag(String key, boolean fallback) {
        return setting(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    public Optional<String> secret(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    /** Certificate fingerprints the user pinned for this account (lower-case hex, no colons). */
    public Set<String> pinnedCertificates() {
        return setting(PINNED_CERTIFICATES)
                .map(v -> Set.of(v.toLowerCase(java.util.Locale.ROOT).replace(":", "").split("\\s*,\\s*")))
                .orElse(Set.of());
    }

    public AccountConfig withSetting(String key, String value) {
        Map<String, String> copy = new TreeMap<>(settings);
        copy.put(key, value);
        return new AccountConfig(id, protocolId, copy, secrets);
    }

    @Override
    public String toString() {
        return "AccountConfig[" + id + ", " + protocolId + ", " + settings + ", secrets=" + secrets.keySet() + "]";
    }
}
