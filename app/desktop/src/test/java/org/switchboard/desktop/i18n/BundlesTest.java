package org.switchboard.desktop.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every text the UI shows exists in English, Simplified and Traditional Chinese. */
class BundlesTest {

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/org/switchboard/desktop/i18n/messages" + suffix + ".properties")) {
            assertThat(in).as("bundle " + suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_zh_CN", "_zh_TW"})
    void chineseBundlesHaveExactlyTheEnglishKeys(String suffix) throws IOException {
        assertThat(load(suffix).stringPropertyNames()).isEqualTo(load("").stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_zh_CN", "_zh_TW"})
    void everyPatternIsAValidMessageFormat(String suffix) throws IOException {
        Properties p = load(suffix);
        for (String key : p.stringPropertyNames()) {
            new MessageFormat(p.getProperty(key), Locale.ROOT);
        }
    }

    @Test
    void chineseTextsAreTranslatedNotCopied() throws IOException {
        Properties en = load("");
        Properties cn = load("_zh_CN");
        Properties tw = load("_zh_TW");
        assertThat(cn.getProperty("chat.send")).isNotEqualTo(en.getProperty("chat.send"));
        assertThat(tw.getProperty("chat.send")).isNotEqualTo(cn.getProperty("chat.send"));
        assertThat(new I18n(Locale.SIMPLIFIED_CHINESE).text("presence.online")).isEqualTo("在线");
        assertThat(new I18n(Locale.TRADITIONAL_CHINESE).text("presence.online")).isEqualTo("線上");
        assertThat(new I18n(Locale.ENGLISH).text("chat.typing", "echo")).isEqualTo("echo is typing…");
    }

    @Test
    void everyLiteralKeyTheCodeAsksForExists() throws IOException {
        Set<String> keys = load("").stringPropertyNames();
        Pattern call = Pattern.compile("text\\(\"([a-zA-Z.\\-]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.endsWith(".") && !keys.contains(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void keysBuiltFromEnumsExist() throws IOException {
        Set<String> keys = load("").stringPropertyNames();
        for (var a : org.switchboard.protocol.model.Availability.values()) {
            assertThat(keys).contains("presence." + a.name().toLowerCase(Locale.ROOT));
        }
        for (var s : org.switchboard.protocol.spi.ConnectionState.values()) {
            assertThat(keys).contains("state." + s.name().toLowerCase(Locale.ROOT));
        }
        for (var r : org.switchboard.protocol.spi.ProtocolException.Reason.values()) {
            assertThat(keys).contains("error.reason." + r.name().toLowerCase(Locale.ROOT));
        }
        for (String language : I18n.LANGUAGES) {
            assertThat(keys).contains("settings.language." + language);
        }
        for (var t : org.switchboard.desktop.theme.Theme.values()) {
            assertThat(keys).contains("settings.theme." + t.setting());
        }
        for (var outcome : org.switchboard.core.command.CommandResult.Outcome.values()) {
            if (outcome != org.switchboard.core.command.CommandResult.Outcome.SENT) {
                assertThat(keys).contains("command." + outcome.name().toLowerCase(Locale.ROOT));
            }
        }
        for (var role : org.switchboard.protocol.model.RoomRole.values()) {
            assertThat(keys).contains("room.role." + role.name().toLowerCase(Locale.ROOT));
        }
        assertThat(keys).contains("account.add.title", "account.edit.title", "accounts.enable",
                "validation.required", "validation.format", "validation.port", "validation.choice");
    }
}
