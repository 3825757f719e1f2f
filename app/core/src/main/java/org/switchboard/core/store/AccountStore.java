package org.switchboard.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.core.account.Account;
import org.switchboard.protocol.model.AccountId;

/** {@code accounts.json}: the configured accounts without their secrets. */
public final class AccountStore {

    /** The file's shape; versioned so that a later layout can be told apart. */
    record AccountsFile(int version, List<Entry> accounts) {
        AccountsFile {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }
    }

    record Entry(String id, String protocol, String label, boolean enabled, boolean demo,
                 Map<String, String> settings) {
    }

    private static final int VERSION = 1;

    private final Path file;

    public AccountStore(Path file) {
        this.file = file;
    }

    public List<Account> load() throws IOException {
        AccountsFile read = JsonFiles.read(file, AccountsFile.class, new AccountsFile(VERSION, List.of()));
        if (read.version() > VERSION) {
            throw new IOException(file + " was written by a newer Switchboard (format " + read.version() + ")");
        }
        return read.accounts().stream()
                .map(e -> new Account(new AccountId(e.id()), e.protocol(), e.label(), e.enabled(), e.demo(),
                        e.settings() == null ? Map.of() : e.settings()))
                .toList();
    }

    public void save(List<Account> accounts) throws IOException {
        List<Entry> entries = accounts.stream()
                .map(a -> new Entry(a.id().value(), a.protocolId(), a.label(), a.enabled(), a.demo(),
                        new TreeMap<>(a.settings())))
                .toList();
        JsonFiles.write(file, new AccountsFile(VERSION, entries), false);
    }
}
