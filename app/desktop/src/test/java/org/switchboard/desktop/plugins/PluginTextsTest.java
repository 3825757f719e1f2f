package org.switchboard.desktop.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.switchboard.core.plugins.PluginError;
import org.switchboard.core.plugins.PluginInfo;
import org.switchboard.core.plugins.PluginInstallException;
import org.switchboard.core.plugins.PluginState;
import org.switchboard.desktop.i18n.I18n;

/** Every state and error of a plugin has its words in each of the app's languages. */
class PluginTextsTest {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE,
            Locale.TRADITIONAL_CHINESE);

    @Test
    void keysBuiltFromTheCoresEnumsExistInEveryLanguage() {
        for (Locale locale : LANGUAGES) {
            I18n i18n = new I18n(locale);
            for (PluginState state : PluginState.values()) {
                assertThat(i18n.has("plugins.state." + PluginTexts.key(state))).as(locale + " " + state).isTrue();
            }
            for (PluginError.Kind kind : PluginError.Kind.values()) {
                assertThat(i18n.has("plugins.error." + PluginTexts.key(kind))).as(locale + " " + kind).isTrue();
            }
            for (PluginInstallException.Reason reason : PluginInstallException.Reason.values()) {
                assertThat(i18n.has("plugins.install.failed." + PluginTexts.key(reason))).as(locale + " " + reason)
                        .isTrue();
            }
        }
    }

    @Test
    void anIncompatiblePluginIsExplainedWithBothVersions() {
        PluginTexts texts = new PluginTexts(new I18n(Locale.SIMPLIFIED_CHINESE));
        PluginInfo future = new PluginInfo("future.jar", "Future", "9", List.of(), Path.of("/p/future.jar"),
                PluginState.FAILED, new PluginError(PluginError.Kind.INCOMPATIBLE_SPI, "2.0", "built for 2.0"));

        assertThat(texts.error(future.error())).contains("2.0", "1.0", "插件 API");
        assertThat(texts.title(future)).isEqualTo("Future 9 · 失败");
    }
}
