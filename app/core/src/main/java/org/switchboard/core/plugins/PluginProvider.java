package org.switchboard.core.plugins;

import java.net.URL;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.AccountSchema;
import org.switchboard.protocol.spi.ProtocolProvider;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.SessionListener;

/**
 * A plugin's provider as the app uses it. Its id, SPI version, schema and names in the app's
 * languages are read once, while loading (off the core and UI threads), so that the account
 * dialog and the core never run plugin code for them; a failure there is caught and replaced.
 * {@link #open} goes to the plugin; the session supervisor calls it off the core thread.
 */
final class PluginProvider implements ProtocolProvider {

    private static final Logger LOG = LoggerFactory.getLogger(PluginProvider.class);
    private static final List<Locale> APP_LOCALES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE,
            Locale.TRADITIONAL_CHINESE);

    private final ProtocolProvider plugin;
    private final String id;
    private final int spiVersion;
    private final AccountSchema schema;
    private final Optional<URL> icon;
    private final Map<Locale, String> names = new ConcurrentHashMap<>();
    private final Map<Locale, ResourceBundle> bundles = new ConcurrentHashMap<>();

    /** Reads what the app needs; throws what the plugin throws (the loader reports it). */
    PluginProvider(ProtocolProvider plugin) {
        this.plugin = plugin;
        this.id = plugin.id();
        this.spiVersion = plugin.spiVersion();
        this.schema = plugin.accountSchema();
        this.icon = plugin.icon();
        APP_LOCALES.forEach(l -> {
            displayName(l);
            messages(l);
        });
        displayName(Locale.getDefault());
        messages(Locale.getDefault());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName(Locale locale) {
        return names.computeIfAbsent(locale, l -> {
            try {
                String name = plugin.displayName(l);
                return name == null || name.isBlank() ? id : name;
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("plugin provider {} failed to name itself: {}", id, e.toString());
                return id;
            }
        });
    }

    @Override
    public Optional<URL> icon() {
        return icon;
    }

    @Override
    public AccountSchema accountSchema() {
        return schema;
    }

    @Override
    public int spiVersion() {
        return spiVersion;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return bundles.computeIfAbsent(locale, l -> {
            try {
                ResourceBundle bundle = plugin.messages(l);
                return bundle == null ? empty() : bundle;
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("plugin provider {} failed to give its texts: {}", id, e.toString());
                return empty();
            }
        });
    }

    @Override
    public ProtocolSession open(AccountConfig config, SessionListener listener) {
        return plugin.open(config, listener);
    }

    /** The plugin's own class, for reports. */
    String implementation() {
        return plugin.getClass().getName();
    }

    private static ResourceBundle empty() {
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[0][];
            }
        };
    }
}
