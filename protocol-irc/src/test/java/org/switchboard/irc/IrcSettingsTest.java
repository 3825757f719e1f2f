package org.switchboard.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.AccountSchema;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolProvider;

class IrcSettingsTest {

    private static AccountConfig config(Map<String, String> settings, Map<String, String> secrets) {
        Map<String, String> all = new HashMap<>(Map.of(IrcSettings.HOST, "irc.example.org", IrcSettings.NICK, "alice"));
        all.putAll(settings);
        return new AccountConfig(AccountId.random(), IrcProvider.ID, all, secrets);
    }

    private static void assertInvalid(AccountConfig config, String words) {
        assertThatThrownBy(() -> IrcSettings.of(config)).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.reason()).isEqualTo(ProtocolException.Reason.INVALID_INPUT);
            assertThat(e.getMessage()).contains(words);
        });
    }

    @Test
    void defaultsAreTlsOnPort6697AndTheNickForEveryName() throws Exception {
        IrcSettings settings = IrcSettings.of(config(Map.of(), Map.of()));
        assertThat(settings.port()).isEqualTo(6697);
        assertThat(settings.tls()).isTrue();
        assertThat(settings.username()).isEqualTo("alice");
        assertThat(settings.realName()).isEqualTo("alice");
        assertThat(settings.floodBurst()).isEqualTo(5);
        assertThat(settings.floodPerSecond()).isEqualTo(2);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.nicksToTry()).containsExactly("alice", "alice_", "alice__");
    }

    @Test
    void listsAreCommaSeparatedAndAlternatesComeBeforeUnderscores() throws Exception {
        IrcSettings settings = IrcSettings.of(config(Map.of(IrcSettings.ALTERNATE_NICKS, " al, alicia ,",
                IrcSettings.CHANNELS, "#one, two key, &three", IrcSettings.FRIENDS, "bob, carol, bob"), Map.of()));
        assertThat(settings.nicksToTry()).containsExactly("alice", "al", "alicia", "alice_", "alice__");
        assertThat(settings.channels()).containsExactly("#one", "two key", "&three");
        assertThat(settings.friends()).containsExactly("bob", "carol");
    }

    @Test
    void badValuesAreRefusedWithReadableMessages() {
        assertInvalid(config(Map.of(IrcSettings.HOST, " "), Map.of()), "server host");
        assertInvalid(config(Map.of(IrcSettings.NICK, "9lives"), Map.of()), "not a valid IRC nick");
        assertInvalid(config(Map.of(IrcSettings.NICK, "a b"), Map.of()), "not a valid IRC nick");
        assertInvalid(config(Map.of(IrcSettings.PORT, "70000"), Map.of()), "1 to 65535");
        assertInvalid(config(Map.of(IrcSettings.PORT, "port"), Map.of()), "1 to 65535");
        assertInvalid(config(Map.of(IrcSettings.ALTERNATE_NICKS, "ok, no way"), Map.of()), "no way");
        assertInvalid(config(Map.of(IrcSettings.SASL_ACCOUNT, "alice"), Map.of()), "SASL account needs its password");
        assertInvalid(config(Map.of(IrcSettings.USERNAME, "a@b"), Map.of()), "user name");
        assertInvalid(config(Map.of(IrcSettings.FRIENDS, "bob, #chan"), Map.of()), "#chan");
        assertInvalid(config(Map.of(IrcSettings.FLOOD_PER_SECOND, "0"), Map.of()), "positive");
    }

    @Test
    void theSchemaChecksWhatTheDialogShowsAndTheProviderIsFoundByItsId() {
        ProtocolProvider provider = java.util.ServiceLoader.load(ProtocolProvider.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(p -> p.id().equals("irc")).findFirst().orElseThrow();
        assertThat(provider.displayName(Locale.ENGLISH)).isEqualTo("IRC");
        assertThat(provider.messages(Locale.SIMPLIFIED_CHINESE).getString("nick")).isEqualTo("昵称");
        AccountSchema schema = provider.accountSchema();
        assertThat(schema.handleKey()).isEqualTo(IrcSettings.NICK);
        assertThat(schema.field(IrcSettings.PORT).orElseThrow().defaultValue()).isEqualTo("6697");
        assertThat(schema.field(IrcSettings.TLS).orElseThrow().defaultValue()).isEqualTo("true");
        assertThat(schema.field(IrcSettings.SASL_PASSWORD).orElseThrow().secret()).isTrue();
        assertThat(schema.field(IrcSettings.SERVER_PASSWORD).orElseThrow().secret()).isTrue();
        for (var field : schema.fields()) {
            assertThat(provider.messages(Locale.ENGLISH).containsKey(field.key())).as(field.key()).isTrue();
            assertThat(provider.messages(Locale.TRADITIONAL_CHINESE).containsKey(field.key())).as(field.key()).isTrue();
        }
        Map<String, String> errors = schema.validate(Map.of(IrcSettings.HOST, "irc.example.org", IrcSettings.NICK, "bad nick",
                IrcSettings.PORT, "6697", IrcSettings.CHANNELS, "#a, #b key", IrcSettings.ALTERNATE_NICKS, "x,y"));
        assertThat(errors).containsOnlyKeys(IrcSettings.NICK);
        assertThat(schema.validate(Map.of(IrcSettings.HOST, "h", IrcSettings.NICK, "n", IrcSettings.PORT, "6697",
                IrcSettings.CHANNELS, "#a b c"))).containsOnlyKeys(IrcSettings.CHANNELS);
    }
}
