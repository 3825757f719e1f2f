package org.switchboard.desktop.plugins;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.plugins.PluginInfo;
import org.switchboard.core.plugins.PluginService;
import org.switchboard.core.plugins.PluginState;
import org.switchboard.desktop.fx.FxEventBridge;

/**
 * The Plugins page's state: the plugins as the core last loaded them, whether an action is
 * running, and the last action's failure. UI thread only; every action runs in the core's plugin
 * thread and comes back through the bridge, so the UI never waits for a jar to copy or load.
 */
public final class PluginsViewModel implements AutoCloseable {

    private final PluginService plugins;
    private final FxEventBridge bridge;
    private final ObservableList<PluginInfo> list = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final AutoCloseable subscription;

    public PluginsViewModel(PluginService plugins, FxEventBridge bridge) {
        this.plugins = plugins;
        this.bridge = bridge;
        list.setAll(plugins.plugins());
        this.subscription = bridge.listen(event -> {
            if (event instanceof CoreEvent.PluginsChanged changed) {
                list.setAll(changed.plugins());
            }
        });
    }

    public ObservableList<PluginInfo> plugins() {
        return list;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** The last action's failure (unwrapped), or null. */
    public ObjectProperty<Throwable> failure() {
        return failure;
    }

    public Path folder() {
        return plugins.folder();
    }

    public CompletableFuture<Void> install(Path jar) {
        return run(plugins.install(jar));
    }

    public CompletableFuture<Void> toggle(PluginInfo plugin) {
        return run(plugins.setEnabled(plugin.id(), plugin.state() == PluginState.DISABLED));
    }

    public CompletableFuture<Void> remove(PluginInfo plugin) {
        return run(plugins.remove(plugin.id()));
    }

    public CompletableFuture<Void> reload() {
        return run(plugins.reload());
    }

    /** Completes on the UI thread, after the view model shows the outcome. */
    private CompletableFuture<Void> run(CompletableFuture<?> action) {
        busy.set(true);
        failure.set(null);
        return action.handleAsync((ok, error) -> {
            busy.set(false);
            if (error != null) {
                failure.set(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            } else {
                // The event may still be queued behind this continuation; show the result now.
                list.setAll(plugins.plugins());
            }
            return null;
        }, bridge.fx());
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
