package org.switchboard.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.protocol.model.AccountId;

/**
 * Secrets in a JSON file that only its owner may read ({@code rw-------}), for desktops
 * without a keyring. The file gets its permissions before any secret is written to it.
 */
public final class FileSecretStore implements SecretStore {

    private final Path file;
    private final Map<String, Map<String, String>> secrets;

    private FileSecretStore(Path file, Map<String, Map<String, String>> secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    public static FileSecretStore open(Path file) throws IOException {
        Map<String, Map<String, String>> loaded = new TreeMap<>();
        // An empty file is one this store created and never wrote to (no account had secrets yet).
        if (Files.exists(file) && Files.size(file) > 0) {
            try {
                loaded.putAll(JsonFiles.MAPPER.readValue(file.toFile(),
                        new TypeReference<Map<String, Map<String, String>>>() { }));
            } catch (IOException e) {
                throw new IOException("Cannot read the secret file " + file + ": " + e.getMessage()
                        + ". It was left untouched.", e);
            }
        }
        JsonFiles.createOwnerOnly(file);
        FileSecretStore store = new FileSecretStore(file, loaded);
        if (Files.size(file) == 0) {
            store.save();
        }
        return store;
    }

    @Override
    public synchronized Map<String, String> get(AccountId account) {
        return Map.copyOf(secrets.getOrDefault(account.value(), Map.of()));
    }

    @Override
    public synchronized void put(AccountId account, Map<String, String> values) throws IOException {
        secrets.put(account.value(), new TreeMap<>(values));
        save();
    }

    @Override
    public synchronized void remove(AccountId account) throws IOException {
        if (secrets.remove(account.value()) != null) {
            save();
        }
    }

    private void save() throws IOException {
        JsonFiles.write(file, secrets, true);
    }
}
