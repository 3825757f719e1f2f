package org.switchboard.protocol.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields a provider needs for an account, in the order the dialog shows them.
 * {@code handleKey} names the field that identifies the user on the network (shown in lists).
 */
public record AccountSchema(List<AccountField> fields, String handleKey) {

    public AccountSchema {
        fields = List.copyOf(fields);
        if (fields.stream().noneMatch(f -> f.key().equals(handleKey))) {
            throw new IllegalArgumentException("handle key " + handleKey + " is not a field");
        }
        if (fields.stream().map(AccountField::key).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("duplicate field keys in " + fields);
        }
    }

    public Optional<AccountField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * Validates values as typed (secrets included), returning field key to error bundle key
     * for every field that is not acceptable; empty when all are.
     */
    public Map<String, String> validate(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (AccountField field : fields) {
            field.validate(values.get(field.key())).ifPresent(error -> errors.put(field.key(), error));
        }
        return errors;
    }
}
