package org.switchboard.core.plugins;

/** Where a plugin jar stands after the last (re)load. */
public enum PluginState {
    /** Its providers are in use. */
    LOADED,
    /** The user turned it off; its code was not run. */
    DISABLED,
    /** It could not be used; {@link PluginInfo#error()} says why. */
    FAILED
}
