package org.switchboard.desktop.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountService;
import org.switchboard.protocol.spi.AccountField;
import org.switchboard.protocol.spi.ProtocolProvider;

/**
 * The account dialog's state, generated from a provider's {@link org.switchboard.protocol.spi.AccountSchema}:
 * one value and one error per field. Used for adding and for editing.
 */
public final class AccountFormViewModel {

    /** One field's value and its error (a bundle key, empty when valid). */
    public record FieldState(AccountField field, StringProperty value, StringProperty error) {
    }

    private final AccountService accounts;
    private final ProtocolProvider provider;
    private final Optional<Account> editing;
    private final StringProperty label = new SimpleStringProperty("");
    private final List<FieldState> fields;

    public AccountFormViewModel(AccountService accounts, ProtocolProvider provider, Optional<Account> editing) {
        this.accounts = accounts;
        this.provider = provider;
        this.editing = editing;
        Map<String, String> current = editing.map(a -> accounts.editableValues(a.id())).orElse(Map.of());
        this.fields = provider.accountSchema().fields().stream()
                .map(f -> new FieldState(f, new SimpleStringProperty(current.getOrDefault(f.key(), f.defaultValue())),
                        new SimpleStringProperty("")))
                .toList();
        editing.ifPresent(a -> label.set(a.label()));
    }

    public ProtocolProvider provider() {
        return provider;
    }

    public boolean isEditing() {
        return editing.isPresent();
    }

    public StringProperty label() {
        return label;
    }

    public List<FieldState> fields() {
        return fields;
    }

    public Optional<FieldState> field(String key) {
        return fields.stream().filter(f -> f.field().key().equals(key)).findFirst();
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(f -> values.put(f.field().key(), f.value().get()));
        return values;
    }

    /**
     * Checks every field and shows each error beside its field. When editing, a blank secret
     * means "keep the stored one", so it is not an error.
     */
    public boolean validate() {
        Map<String, String> values = values();
        Map<String, String> errors = provider.accountSchema().validate(values);
        boolean ok = true;
        for (FieldState f : fields) {
            String error = errors.get(f.field().key());
            boolean keptSecret = editing.isPresent() && f.field().secret()
                    && (f.value().get() == null || f.value().get().isEmpty());
            if (error != null && !keptSecret) {
                f.error().set(error);
                ok = false;
            } else {
                f.error().set("");
            }
        }
        return ok;
    }

    /** Saves (after {@link #validate()} passed); the future completes off the UI thread. */
    public CompletableFuture<Account> save() {
        String name = label.get() == null ? "" : label.get().strip();
        return editing.isPresent()
                ? accounts.update(editing.get().id(), name, values())
                : accounts.add(provider.id(), name, values());
    }
}
