package org.switchboard.core.people;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.store.JsonFiles;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.RosterEntry;

/**
 * Contact lists that no server keeps: on a network whose list needs no consent (an IRC friends
 * list), the provider forgets what the user added when the session ends, so the app keeps the
 * list in {@code contacts.json} and hands it to the session again at every connect. Core thread only.
 */
final class KeptContacts {

    private static final Logger LOG = LoggerFactory.getLogger(KeptContacts.class);

    /** One kept contact: the network's handle, the name the user gave, and groups. */
    record Entry(String handle, String displayName, Set<String> groups) {
        Entry {
            Objects.requireNonNull(handle, "handle");
            groups = groups == null ? Set.of() : Set.copyOf(new TreeSet<>(groups));
        }

        static Entry of(RosterEntry entry) {
            return new Entry(entry.address().handle(), entry.displayName(), entry.groups());
        }
    }

    private final Path file;
    private final Map<String, Map<String, Entry>> byAccount;

    private KeptContacts(Path file, Map<String, Map<String, Entry>> byAccount) {
        this.file = file;
        this.byAccount = byAccount;
    }

    static KeptContacts open(Path file) throws IOException {
        Map<String, Map<String, Entry>> loaded = new TreeMap<>();
        if (Files.exists(file)) {
            try {
                Map<String, List<Entry>> read = JsonFiles.MAPPER.readValue(file.toFile(),
                        new TypeReference<Map<String, List<Entry>>>() { });
                if (read != null) {
                    read.forEach((account, entries) -> {
                        Map<String, Entry> byHandle = new TreeMap<>();
                        entries.forEach(e -> byHandle.put(e.handle(), e));
                        loaded.put(account, byHandle);
                    });
                }
            } catch (IOException e) {
                throw new IOException("Cannot read " + file + ": " + e.getMessage()
                        + ". Fix or move the file; it was left untouched.", e);
            }
        }
        return new KeptContacts(file, loaded);
    }

    List<Entry> of(AccountId account) {
        return List.copyOf(byAccount.getOrDefault(account.value(), Map.of()).values());
    }

    void keep(AccountId account, RosterEntry entry) {
        Entry kept = Entry.of(entry);
        Entry before = byAccount.computeIfAbsent(account.value(), a -> new TreeMap<>()).put(kept.handle(), kept);
        if (!kept.equals(before)) {
            save();
        }
    }

    void drop(AccountId account, String handle) {
        Map<String, Entry> entries = byAccount.get(account.value());
        if (entries != null && entries.remove(handle) != null) {
            if (entries.isEmpty()) {
                byAccount.remove(account.value());
            }
            save();
        }
    }

    void forget(AccountId account) {
        if (byAccount.remove(account.value()) != null) {
            save();
        }
    }

    private void save() {
        Map<String, List<Entry>> out = new TreeMap<>();
        byAccount.forEach((account, entries) -> out.put(account, new ArrayList<>(entries.values())));
        try {
            JsonFiles.write(file, out, false);
        } catch (IOException e) {
            LOG.error("saving the contact lists kept by the app to {} failed", file, e);
        }
    }
}
