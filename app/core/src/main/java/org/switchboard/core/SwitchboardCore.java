package org.switchboard.core;

import java.util.concurrent.CompletableFuture;
import org.switchboard.core.account.AccountService;
import org.switchboard.core.contact.ContactService;
import org.switchboard.core.conversation.ConversationService;
import org.switchboard.core.event.CoreListener;
import org.switchboard.core.plugins.PluginService;
import org.switchboard.core.settings.Settings;
import org.switchboard.core.history.HistoryService;

/**
 * The application without its UI: accounts, sessions, the unified contact list,
 * conversations, the outbox and history. No JavaFX here.
 *
 * <p>Threading: every method may be called from any thread (the JavaFX thread included) and
 * none blocks on network or disk; work runs on the core's event thread, the history writer
 * and the providers' threads. Changes are reported to {@link CoreListener}s.
 */
public interface SwitchboardCore extends AutoCloseable {

    /**
     * Opens the profile (history database, accounts, settings) and prepares services. Does not
     * connect; call {@link #start()}. Throws if the profile cannot be opened (the message says why).
     */
    static SwitchboardCore open(CoreOptions options) throws java.io.IOException {
        return org.switchboard.core.internal.CoreImpl.open(options);
    }

    /** Starts the demo server if the options ask for it, then connects every enabled account. */
    CompletableFuture<Void> start();

    AccountService accounts();

    ContactService contacts();

    ConversationService conversations();

    /** Rooms: joining, leaving, members, topic, sending; remembered and rejoined per account. */
    org.switchboard.core.room.RoomService rooms();

    /** Lines typed into a conversation's input: text, or commands such as {@code /join} and {@code /me}. */
    org.switchboard.core.command.CommandService commands();

    Settings settings();

    /** Protocol plugins in the profile's plugins folder. */
    PluginService plugins();

    /** Search, export and retention of the message history. */
    HistoryService history();

    /**
     * Subscribes to changes. The listener first receives the current state (accounts,
     * statuses, people, own presence), then every change. Close the handle to unsubscribe.
     */
    AutoCloseable subscribe(CoreListener listener);

    /** Whether the local demo is running. */
    boolean demoRunning();

    /** Starts the local demo now (offered by the UI when it is off). */
    CompletableFuture<Void> startDemo();

    /** Disconnects every account politely, stops the demo server, flushes and closes history. */
    @Override
    void close();
}
