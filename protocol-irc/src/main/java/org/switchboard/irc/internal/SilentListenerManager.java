package org.switchboard.irc.internal;

import com.google.common.collect.ImmutableSet;
import org.pircbotx.PircBotX;
import org.pircbotx.hooks.Event;
import org.pircbotx.hooks.Listener;
import org.pircbotx.hooks.managers.ListenerManager;

/**
 * Drops PircBotX's own events: the session reads raw lines instead. PircBotX's default manager
 * would start a thread pool per bot for events nobody listens to.
 */
final class SilentListenerManager implements ListenerManager {

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void addListener(Listener listener) {
        // PircBotX's configuration adds its core hooks; they are not needed.
    }

    @Override
    public boolean removeListener(Listener listener) {
        return false;
    }

    @Override
    public boolean listenerExists(Listener listener) {
        return false;
    }

    @Override
    public ImmutableSet<Listener> getListeners() {
        return ImmutableSet.of();
    }

    @Override
    public void shutdown(PircBotX bot) {
    }
}
