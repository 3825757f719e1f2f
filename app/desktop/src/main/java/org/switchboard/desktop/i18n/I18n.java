package org.switchboard.desktop.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolProvider;

/**
 * The UI's texts, from {@code org/switchboard/desktop/i18n/messages*.properties}: English,
 * Simplified Chinese (zh_CN) and Traditional Chinese (zh_TW).
 */
public final class I18n {

    /** The language setting's values; "system" follows the operating system. */
    public static final List<String> LANGUAGES = List.of("system", "en", "zh-CN", "zh-TW");

    private static final String BUNDLE = "org.switchboard.desktop.i18n.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The locale for a language setting value. */
    public static Locale localeFor(String setting, Locale system) {
        return switch (setting == null ? "system" : setting) {
            case "en" -> Locale.ENGLISH;
            case "zh-CN" -> Locale.SIMPLIFIED_CHINESE;
            case "zh-TW" -> Locale.TRADITIONAL_CHINESE;
            default -> system;
        };
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * An account failure for people: the reason in the UI's language, then the provider's own
     * (often English) detail, which names the server's words.
     */
    public String failure(ProtocolException.Reason reason, String detail) {
        String said = text("error.reason." + reason.name().toLowerCase(Locale.ROOT));
        return detail == null || detail.isBlank() ? said : said + " (" + detail + ")";
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A provider's own text (field labels, its name), falling back to ours, then to the key. */
    public String providerText(ProtocolProvider provider, String key) {
        ResourceBundle own = provider.messages(locale);
        for (String candidate : new String[] {key, "field." + key, "account.field." + key}) {
            if (own.containsKey(candidate)) {
                return own.getString(candidate);
            }
        }
        return has("account.field." + key) ? text("account.field." + key) : key;
    }
}
