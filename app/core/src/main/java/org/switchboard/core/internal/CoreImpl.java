package org.switchboard.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.CoreOptions;
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountService;
import org.switchboard.core.accounts.Accounts;
import org.switchboard.core.chat.ArchiveCatchUp;
import org.switchboard.core.chat.Conversations;
import org.switchboard.core.command.CommandService;
import org.switchboard.core.command.Commands;
import org.switchboard.core.contact.ContactService;
import org.switchboard.core.conversation.ConversationService;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.event.CoreListener;
import org.switchboard.core.history.HistoryStore;
import org.switchboard.core.history.DefaultHistoryService;
import org.switchboard.core.history.HistoryService;
import org.switchboard.core.localdemo.DemoRunner;
import org.switchboard.core.people.ContactDirectory;
import org.switchboard.core.plugins.PluginManager;
import org.switchboard.core.plugins.PluginService;
import org.switchboard.core.profile.Profile;
import org.switchboard.core.room.RoomService;
import org.switchboard.core.room.Rooms;
import org.switchboard.core.provider.ProviderRegistry;
import org.switchboard.core.session.Backoff;
import org.switchboard.core.session.SessionSupervisor;
import org.switchboard.core.settings.Settings;
import org.switchboard.core.store.AccountStore;
import org.switchboard.core.store.FileSecretStore;
import org.switchboard.core.store.SettingsStore;
import org.switchboard.protocol.model.AccountId;

/** Puts the core's parts together and runs its life cycle. */
public final class CoreImpl implements SwitchboardCore {

    private static final Logger LOG = LoggerFactory.getLogger(CoreImpl.class);

    private final CoreOptions options;
    private final CoreThread core;
    private final ListenerHub hub;
    private final HistoryStore history;
    private final DefaultHistoryService historyService;
    private final ProviderRegistry providers;
    private final SettingsStore settings;
    private final SessionSupervisor sessions;
    private final ContactDirectory contacts;
    private final Conversations conversations;
    private final Rooms rooms;
    private final Commands commands;
    private final Accounts accounts;
    private final PluginSessions pluginSessions;
    private final PluginManager plugins;
    private final ExecutorService demoThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("switchboard-demo").daemon(true).factory());
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile DemoRunner demo;
    private CompletableFuture<Void> demoStarting;

    private CoreImpl(CoreOptions options, CoreThread core, HistoryStore history) throws IOException {
        Profile profile = options.profile();
        this.options = options;
        this.core = core;
        this.history = history;
        this.hub = new ListenerHub(core);
        this.providers = new ProviderRegistry(options.providerLoader());
        FileSecretStore secrets = FileSecretStore.open(profile.secretsFile());
        this.settings = SettingsStore.open(profile.settingsFile(), core);
        SessionEvents events = new SessionEvents(hub);
        this.sessions = new SessionSupervisor(core, providers, secrets, options.clock(), Backoff.DEFAULT, events);
        this.contacts = new ContactDirectory(core, hub, sessions, settings,
                id -> accounts().accounts().stream().filter(a -> a.id().equals(id)).map(Account::protocolId)
                        .findFirst().orElse(null), profile.avatarsDir(), profile.contactsFile());
        this.conversations = new Conversations(core, history, sessions, hub, options.clock(),
                contacts::unreadChanged);
        this.accounts = new Accounts(core, providers, new AccountStore(profile.accountsFile()), secrets, sessions,
                hub, this::forget);
        this.rooms = new Rooms(core, history, sessions, hub, conversations, options.clock(), profile.roomsFile());
        events.bind(contacts, conversations, rooms,
                new ArchiveCatchUp(core, hub, history, sessions, options.clock()));
        this.commands = new Commands(conversations, rooms, accounts, sessions);
        this.pluginSessions = new PluginSessions(core, sessions, providers, accounts::accounts);
        this.plugins = new PluginManager(profile.pluginsDir(), providers, options.providerLoader(), settings,
                pluginSessions, list -> core.execute(() -> hub.publish(new CoreEvent.PluginsChanged(list))));
        this.historyService = new DefaultHistoryService(history, settings,
                () -> accounts.accounts().stream().map(Account::id).toList(), options.clock());
    }

    public static SwitchboardCore open(CoreOptions options) throws IOException {
        Files.createDirectories(options.profile().configDir());
        Files.createDirectories(options.profile().dataDir());
        HistoryStore history = HistoryStore.open(options.profile().historyDatabase());
        CoreThread core = new CoreThread();
        try {
            return new CoreImpl(options, core, history);
        } catch (IOException | RuntimeException e) {
            core.shutdown(Duration.ofSeconds(1));
            history.close();
            throw e;
        }
    }

    private void forget(AccountId account) {
        contacts.forget(account);
        conversations.forget(account);
        rooms.forget(account);
    }

    @Override
    public CompletableFuture<Void> start() {
        boolean wantDemo = wantsDemo(options.demo(), accounts.accounts());
        CompletableFuture<Void> unread = conversations.loadUnread();
        CompletableFuture<Void> avatars = contacts.loadAvatars();
        historyService.startRetention();
        CompletableFuture<Void> connecting = core.call(() -> {
            // The demo account connects once its server runs; the others at once.
            // Accounts of plugin protocols connect once the plugins are loaded.
            accounts.accounts().stream().filter(a -> a.enabled() && !a.demo() && !pluginSessions.needsPlugin(a))
                    .forEach(sessions::connect);
            return null;
        });
        CompletableFuture<Void> demoStart = wantDemo ? startDemo() : CompletableFuture.completedFuture(null);
        CompletableFuture<?> pluginsLoaded = plugins.reload();
        return CompletableFuture.allOf(unread, avatars, connecting, demoStart, pluginsLoaded);
    }

    @Override
    public synchronized CompletableFuture<Void> startDemo() {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the core is closed"));
        }
        if (demoStarting != null && !demoStarting.isCompletedExceptionally()) {
            return demoStarting;
        }
        DemoRunner runner = new DemoRunner(providers, options.profile().demoServerDir());
        demo = runner;
        demoStarting = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.startServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, demoThread).thenCompose(account -> core.call(() -> {
            AccountId id = accounts.accounts().stream().filter(Account::demo).map(Account::id).findFirst()
                    .orElseGet(AccountId::random);
            Account demoAccount = new Account(id, DemoRunner.PROTOCOL, "Demo", true, true, account.settings());
            accounts.putManaged(demoAccount, account.secrets());
            sessions.connect(demoAccount);
            return null;
        })).thenComposeAsync(v -> {
            try {
                return runner.startContacts();
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, demoThread).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.error("the demo could not start", error);
                runner.close();
            }
        });
        return demoStarting;
    }

    @Override
    public boolean demoRunning() {
        DemoRunner runner = demo;
        return runner != null && runner.running();
    }

    @Override
    public AccountService accounts() {
        return accounts;
    }

    @Override
    public ContactService contacts() {
        return contacts;
    }

    @Override
    public ConversationService conversations() {
        return conversations;
    }

    @Override
    public RoomService rooms() {
        return rooms;
    }

    @Override
    public CommandService commands() {
        return commands;
    }

    @Override
    public HistoryService history() {
        return historyService;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public PluginService plugins() {
        return plugins;
    }

    @Override
    public AutoCloseable subscribe(CoreListener listener) {
        return hub.subscribe(listener, () -> {
            List<CoreEvent> state = new ArrayList<>();
            state.add(new CoreEvent.AccountsChanged(accounts.accounts()));
            accounts.accounts().forEach(a -> state.add(new CoreEvent.AccountStatusChanged(sessions.status(a.id()))));
            state.add(new CoreEvent.PeopleChanged(contacts.people()));
            state.add(new CoreEvent.OwnPresenceChanged(contacts.ownPresence()));
            state.add(new CoreEvent.PluginsChanged(plugins.plugins()));
            state.add(new CoreEvent.RoomsChanged(rooms.rooms()));
            conversations.roomUnread().forEach((room, n) -> state.add(new CoreEvent.UnreadChanged(room, n)));
            history.recovery().ifPresent(r -> state.add(new CoreEvent.HistoryRecovered(r)));
            return state;
        });
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        sessions.closeAll(Duration.ofSeconds(3));
        plugins.close();
        DemoRunner runner = demo;
        if (runner != null) {
            runner.close();
        }
        demoThread.shutdownNow();
        historyService.close();
        contacts.close();
        history.close();
        core.shutdown(Duration.ofSeconds(2));
    }

    /** AUTO runs the demo on a first start (no account) and whenever the demo account exists. */
    static boolean wantsDemo(DemoMode mode, List<Account> accounts) {
        return switch (mode) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> accounts.isEmpty() || accounts.stream().anyMatch(Account::demo);
        };
    }
}
