package org.switchboard.desktop.plugins;

import java.util.Locale;
import org.switchboard.core.plugins.PluginError;
import org.switchboard.core.plugins.PluginInfo;
import org.switchboard.core.plugins.PluginInstallException;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.spi.SpiVersion;

/** How the Plugins page words a plugin's state and errors, in the user's language. */
public final class PluginTexts {

    private final I18n i18n;

    public PluginTexts(I18n i18n) {
        this.i18n = i18n;
    }

    static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public String title(PluginInfo plugin) {
        String version = plugin.version().isBlank() ? "" : " " + plugin.version();
        return plugin.name() + version + " · " + i18n.text("plugins.state." + key(plugin.state()));
    }

    public String protocols(PluginInfo plugin) {
        return plugin.protocols().isEmpty() ? i18n.text("plugins.noProtocols")
                : i18n.text("plugins.protocols", String.join(", ", plugin.protocols()));
    }

    public String error(PluginError error) {
        return i18n.text("plugins.error." + key(error.kind()), error.detail(), SpiVersion.format(SpiVersion.CURRENT));
    }

    /** A failed install, enable, remove or reload. */
    public String failure(Throwable failure) {
        if (failure instanceof PluginInstallException e) {
            return i18n.text("plugins.install.failed." + key(e.reason()), String.valueOf(e.getMessage()));
        }
        return i18n.text("plugins.action.failed", String.valueOf(failure.getMessage()));
    }
}
