package org.switchboard.core.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Protocol plugins: jars in the profile's {@code plugins/} folder, each loaded in a class loader
 * of its own. Only that folder is searched. A plugin that fails (a broken jar, a provider whose
 * constructor throws, one built for another SPI version) is listed with its error and left out;
 * it never stops the app. Changes are published as {@code CoreEvent.PluginsChanged}.
 *
 * <p>Threading: every method may be called from any thread; loading runs on a thread of its own,
 * never on the core's or the UI's. Accounts of a reloaded plugin's protocols are disconnected
 * before its old class loader is closed and connected again with the new providers.
 */
public interface PluginService {

    /** The folder plugins are loaded from. */
    Path folder();

    /** The plugins as of the last (re)load, sorted by file name. */
    List<PluginInfo> plugins();

    /** Loads every jar of the folder again (picking up jars copied in by hand). */
    CompletableFuture<List<PluginInfo>> reload();

    /**
     * Copies a jar into the folder and reloads. Fails with {@link PluginInstallException} when the
     * file is not a jar or a plugin of the same file name exists. Completes with the new plugin's
     * entry (which may be FAILED: installing a broken plugin is not an error of the install).
     */
    CompletableFuture<PluginInfo> install(Path jar);

    /** Turns a plugin off (its code is not loaded any more) or on again, and reloads. */
    CompletableFuture<Void> setEnabled(String pluginId, boolean enabled);

    /** Deletes a plugin's jar from the folder and reloads. */
    CompletableFuture<Void> remove(String pluginId);
}
