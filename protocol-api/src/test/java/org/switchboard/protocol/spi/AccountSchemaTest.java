package org.switchboard.protocol.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.switchboard.protocol.model.AccountId;

class AccountSchemaTest {

    private final AccountSchema schema = new AccountSchema(List.of(
            new AccountField.Text("server", true, "localhost", Pattern.compile("[a-z0-9.-]+")),
            new AccountField.Port("port", 5290),
            AccountField.Text.required("username"),
            new AccountField.Secret("password", true),
            new AccountField.Flag("tls", true),
            new AccountField.Choice("mode", List.of("fast", "safe"), "safe")), "username");

    @Test
    void everyFieldIsCheckedAndEachErrorNamesItsField() {
        Map<String, String> errors = schema.validate(Map.of(
                "server", "Bad Host!", "port", "70000", "username", " ", "password", "", "tls", "maybe",
                "mode", "reckless"));

        assertThat(errors).containsExactly(
                Map.entry("server", "validation.format"), Map.entry("port", "validation.port"),
                Map.entry("username", "validation.required"), Map.entry("password", "validation.required"),
                Map.entry("tls", "validation.format"), Map.entry("mode", "validation.choice"));
    }

    @Test
    void goodValuesPass() {
        assertThat(schema.validate(Map.of("server", "chat.example.org", "port", "5290", "username", "alice",
                "password", "pw", "tls", "false", "mode", "fast"))).isEmpty();
    }

    @Test
    void portsOutsideTheRangeOrNotNumbersAreRefused() {
        AccountField.Port port = new AccountField.Port("port", 1);
        assertThat(port.validate("0")).contains("validation.port");
        assertThat(port.validate("65536")).contains("validation.port");
        assertThat(port.validate("x")).contains("validation.port");
        assertThat(port.validate(" 443 ")).isEmpty();
    }

    @Test
    void aSchemaMustNameItsHandleFieldAndHaveNoDuplicateKeys() {
        assertThatThrownBy(() -> new AccountSchema(List.of(AccountField.Text.required("a")), "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountSchema(List.of(AccountField.Text.required("a"),
                AccountField.Text.required("a")), "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlySecretFieldsAreSecretAndAConfigNeverPrintsASecret() {
        assertThat(schema.fields()).filteredOn(AccountField::secret).extracting(AccountField::key)
                .containsExactly("password");
        AccountConfig config = new AccountConfig(new AccountId("a1"), "native", Map.of("username", "alice"),
                Map.of("password", "hunter2"));
        assertThat(config.toString()).contains("alice").doesNotContain("hunter2");
    }

    @Test
    void pinnedFingerprintsAreReadInAnyCommonSpelling() {
        AccountConfig config = new AccountConfig(new AccountId("a1"), "native",
                Map.of(AccountConfig.PINNED_CERTIFICATES, "AB:CD:EF, 0123"), Map.of());
        assertThat(config.pinnedCertificates()).containsExactlyInAnyOrder("abcdef", "0123");
    }
}
