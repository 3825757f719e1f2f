package org.switchboard.core.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountService;
import org.switchboard.core.account.AccountStatus;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.internal.CoreThread;
import org.switchboard.core.internal.ListenerHub;
import org.switchboard.core.provider.ProviderRegistry;
import org.switchboard.core.session.SessionSupervisor;
import org.switchboard.core.store.AccountStore;
import org.switchboard.core.store.SecretStore;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.AccountField;
import org.switchboard.protocol.spi.AccountSchema;
import org.switchboard.protocol.spi.ProtocolProvider;

/**
 * The configured accounts. Values are split by the provider's schema: secret fields go to the
 * {@link SecretStore}, the rest to {@code accounts.json}. Changes are saved on the core thread
 * (secrets first, so an account on file always has its secrets) and then (re)connected.
 */
public final class Accounts implements AccountService {

    private final CoreThread core;
    private final ProviderRegistry providers;
    private final AccountStore store;
    private final SecretStore secrets;
    private final SessionSupervisor sessions;
    private final ListenerHub hub;
    private final Consumer<AccountId> removed;
    private volatile List<Account> accounts;

    public Accounts(CoreThread core, ProviderRegistry providers, AccountStore store, SecretStore secrets,
                    SessionSupervisor sessions, ListenerHub hub, Consumer<AccountId> removed) throws IOException {
        this.core = core;
        this.providers = providers;
        this.store = store;
        this.secrets = secrets;
        this.sessions = sessions;
        this.hub = hub;
        this.removed = removed;
        this.accounts = store.load();
    }

    @Override
    public List<ProtocolProvider> providers() {
        return providers.all();
    }

    @Override
    public List<Account> accounts() {
        return accounts;
    }

    public Optional<Account> find(AccountId id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public AccountStatus status(AccountId account) {
        return sessions.status(account);
    }

    /** Connects every enabled account; core thread. */
    public void connectEnabled() {
        accounts.stream().filter(Account::enabled).forEach(sessions::connect);
    }

    @Override
    public CompletableFuture<Account> add(String protocolId, String label, Map<String, String> values) {
        try {
            AccountSchema schema = schema(protocolId);
            Map<String, String> typed = values == null ? Map.of() : values;
            validate(schema, typed);
            Split split = split(schema, typed);
            String name = label == null || label.isBlank() ? typed.getOrDefault(schema.handleKey(), "") : label;
            Account account = new Account(AccountId.random(), protocolId, name.strip(), true, false, split.settings());
            return core.call(() -> {
                secrets.put(account.id(), split.secrets());
                save(append(account));
                sessions.connect(account);
                return account;
            });
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Account> update(AccountId id, String label, Map<String, String> values) {
        return core.call(() -> {
            Account old = require(id);
            AccountSchema schema = schema(old.protocolId());
            Map<String, String> typed = new TreeMap<>(values == null ? Map.of() : values);
            Map<String, String> stored = secrets.get(id);
            for (AccountField field : schema.fields()) {
                if (field.secret() && (typed.get(field.key()) == null || typed.get(field.key()).isEmpty())
                        && stored.containsKey(field.key())) {
                    typed.put(field.key(), stored.get(field.key()));
                }
            }
            validate(schema, typed);
            Split split = split(schema, typed);
            // Keys the dialog does not show (pinned certificates) stay as they were.
            Map<String, String> settings = new TreeMap<>(old.settings());
            schema.fields().forEach(f -> settings.remove(f.key()));
            settings.putAll(split.settings());
            Account updated = new Account(id, old.protocolId(), label == null || label.isBlank() ? old.label()
                    : label.strip(), old.enabled(), old.demo(), settings);
            secrets.put(id, split.secrets());
            save(replace(updated));
            if (updated.enabled()) {
                sessions.connect(updated);
            }
            return updated;
        });
    }

    /** Creates or rewrites an account the app itself manages (the demo's); core thread. */
    public Account putManaged(Account account, Map<String, String> accountSecrets) throws IOException {
        secrets.put(account.id(), accountSecrets);
        save(find(account.id()).isPresent() ? replace(account) : append(account));
        return account;
    }

    @Override
    public CompletableFuture<Void> remove(AccountId id) {
        return core.call(() -> {
            require(id);
            sessions.disconnect(id);
            save(accounts.stream().filter(a -> !a.id().equals(id)).toList());
            secrets.remove(id);
            removed.accept(id);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setEnabled(AccountId id, boolean enabled) {
        return core.call(() -> {
            Account account = require(id).withEnabled(enabled);
            save(replace(account));
            if (enabled) {
                sessions.connect(account);
            } else {
                sessions.disconnect(id);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> trustCertificate(AccountId id, String sha256) {
        Objects.requireNonNull(sha256, "sha256");
        String fingerprint = sha256.strip().toLowerCase(Locale.ROOT).replace(":", "");
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("not a SHA-256 fingerprint: " + sha256));
        }
        return core.call(() -> {
            Account account = require(id);
            Set<String> pins = new LinkedHashSet<>(new AccountConfig(id, account.protocolId(), account.settings(),
                    Map.of()).pinnedCertificates());
            pins.add(fingerprint);
            Map<String, String> settings = new TreeMap<>(account.settings());
            settings.put(AccountConfig.PINNED_CERTIFICATES, String.join(",", pins));
            Account updated = account.withSettings(settings);
            save(replace(updated));
            if (updated.enabled()) {
                sessions.connect(updated);
            }
            return null;
        });
    }

    @Override
    public void reconnect(AccountId account) {
        core.execute(() -> sessions.reconnectNow(account));
    }

    @Override
    public Map<String, String> editableValues(AccountId id) {
        Account account = find(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        Map<String, String> values = new TreeMap<>();
        providers.find(account.protocolId()).ifPresent(p -> p.accountSchema().fields().stream()
                .filter(f -> !f.secret()).forEach(f -> values.put(f.key(), f.defaultValue())));
        values.putAll(account.settings());
        return values;
    }

    private record Split(Map<String, String> settings, Map<String, String> secrets) {
    }

    private static Split split(AccountSchema schema, Map<String, String> values) {
        Map<String, String> settings = new TreeMap<>();
        Map<String, String> secret = new TreeMap<>();
        values.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            boolean isSecret = schema.field(key).map(AccountField::secret).orElse(false);
            (isSecret ? secret : settings).put(key, value);
        });
        return new Split(settings, secret);
    }

    private static void validate(AccountSchema schema, Map<String, String> values) {
        Map<String, String> errors = schema.validate(values);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.entrySet().stream()
                    .map(e -> e.getKey() + " → " + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    private AccountSchema schema(String protocolId) {
        return providers.find(protocolId).map(ProtocolProvider::accountSchema)
                .orElseThrow(() -> new IllegalArgumentException("no installed plugin speaks \"" + protocolId + "\""));
    }

    private Account require(AccountId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
    }

    private List<Account> append(Account account) {
        List<Account> list = new ArrayList<>(accounts);
        list.add(account);
        return list;
    }

    private List<Account> replace(Account account) {
        return accounts.stream().map(a -> a.id().equals(account.id()) ? account : a).toList();
    }

    private void save(List<Account> list) {
        try {
            store.save(list);
        } catch (IOException e) {
            throw new UncheckedIOException("saving accounts failed: " + e.getMessage(), e);
        }
        accounts = List.copyOf(list);
        hub.publish(new CoreEvent.AccountsChanged(accounts));
    }
}
