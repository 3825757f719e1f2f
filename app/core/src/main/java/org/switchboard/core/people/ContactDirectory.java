package org.switchboard.core.people;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.switchboard.core.contact.Contact;
import org.switchboard.core.contact.ContactService;
import org.switchboard.core.contact.Person;
import org.switchboard.core.contact.SubscriptionRequest;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.internal.CoreThread;
import org.switchboard.core.internal.ListenerHub;
import org.switchboard.core.session.SessionSupervisor;
import org.switchboard.core.settings.Settings;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.RosterEntry;
import org.switchboard.protocol.model.Subscription;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.Blocking;
import org.switchboard.protocol.spi.capability.Presence;
import org.switchboard.protocol.spi.capability.Roster;

/**
 * The unified contact list, built from each account's roster and presence events, with the
 * server's block list and contacts' pictures. Changes run on the core thread; the list is
 * republished at most once per burst of events.
 */
public final class ContactDirectory implements ContactService {

    private static final String PRESENCE_KEY = "presence.availability";
    private static final String STATUS_KEY = "presence.text";
    /** How long the server may take to answer a change to the list or the block list. */
    private static final Duration PROVIDER_LIMIT = Duration.ofSeconds(30);

    private static final Comparator<Person> ORDER = Comparator
            .comparing((Person p) -> !p.presence().availability().isOnline())
            .thenComparing(Person::displayName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Person::id);

    private final CoreThread core;
    private final ListenerHub hub;
    private final SessionSupervisor sessions;
    private final Settings settings;
    private final Function<AccountId, String> protocolOf;
    private final Map<AccountId, Map<String, RosterEntry>> rosters = new ConcurrentHashMap<>();
    private final Map<ContactAddress, PresenceStatus> presence = new ConcurrentHashMap<>();
    private final Map<AccountId, Set<ContactAddress>> blocked = new ConcurrentHashMap<>();
    private final AvatarCache avatars;
    private final KeptContacts kept;
    private final Map<ConversationId, Integer> unread = new ConcurrentHashMap<>();
    private final Set<AccountId> online = ConcurrentHashMap.newKeySet();
    private final List<SubscriptionRequest> requests = new CopyOnWriteArrayList<>();
    private volatile List<Person> people = List.of();
    private volatile PresenceStatus own;
    private boolean publishScheduled;

    public ContactDirectory(CoreThread core, ListenerHub hub, SessionSupervisor sessions, Settings settings,
                            Function<AccountId, String> protocolOf, Path avatarsDir, Path keptContactsFile)
            throws java.io.IOException {
        this.avatars = new AvatarCache(avatarsDir);
        this.kept = KeptContacts.open(keptContactsFile);
        this.core = core;
        this.hub = hub;
        this.sessions = sessions;
        this.settings = settings;
        this.protocolOf = protocolOf;
        Availability availability = settings.get(PRESENCE_KEY).flatMap(ContactDirectory::availability)
                .orElse(Availability.ONLINE);
        this.own = new PresenceStatus(availability, settings.get(STATUS_KEY, ""));
    }

    private static Optional<Availability> availability(String name) {
        try {
            return Optional.of(Availability.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---- core thread ----

    public void onEvent(ProtocolEvent event) {
        switch (event) {
            case ProtocolEvent.RosterReceived roster -> {
                Map<String, RosterEntry> entries = new ConcurrentHashMap<>();
                roster.entries().forEach(e -> entries.put(e.address().handle(), e));
                rosters.put(roster.account(), entries);
                changed();
            }
            case ProtocolEvent.ContactAdded added -> {
                roster(added.account()).put(added.entry().address().handle(), added.entry());
                if (listKeptByApp(added.account())) {
                    kept.keep(added.account(), added.entry());
                }
                changed();
            }
            case ProtocolEvent.ContactRemoved removed -> {
                roster(removed.account()).remove(removed.contact().handle());
                if (listKeptByApp(removed.account())) {
                    kept.drop(removed.account(), removed.contact().handle());
                }
                presence.remove(removed.contact());
                changed();
            }
            case ProtocolEvent.PresenceChanged change -> {
                presence.put(change.contact(), change.presence());
                changed();
            }
            case ProtocolEvent.AvatarChanged change -> {
                if (avatars.put(change.contact(), change.image())) {
                    changed();
                }
            }
            case ProtocolEvent.BlockListChanged change -> {
                blocked.put(change.account(), change.blocked());
                changed();
            }
            case ProtocolEvent.SubscriptionRequested request -> {
                SubscriptionRequest r = new SubscriptionRequest(request.from(), request.text());
                requests.removeIf(old -> old.from().equals(r.from()));
                requests.add(r);
                hub.publish(new CoreEvent.SubscriptionRequested(r));
            }
            default -> {
            }
        }
    }

    public void connected(AccountId account) {
        online.add(account);
        sessions.capability(account, Presence.class).ifPresent(p -> p.setOwn(own));
        if (listKeptByApp(account)) {
            for (KeptContacts.Entry e : kept.of(account)) {
                sessions.callCapability(account, Roster.class,
                        r -> r.add(new ContactAddress(account, e.handle()), e.displayName(), e.groups()), PROVIDER_LIMIT);
            }
        }
        // The list read at login comes with no event; later changes arrive as BlockListChanged.
        if (sessions.capability(account, Blocking.class).isPresent()) {
            sessions.callCapability(account, Blocking.class, b -> CompletableFuture.completedFuture(b.blocked()),
                    PROVIDER_LIMIT).thenAcceptAsync(list -> {
                        if (online.contains(account)) {
                            blocked.put(account, Set.copyOf(list));
                            changed();
                        }
                    }, core);
        }
        changed();
    }

    /** A disconnected account's contacts show OFFLINE until it is back. */
    public void disconnected(AccountId account) {
        online.remove(account);
        presence.keySet().removeIf(a -> a.account().equals(account));
        changed();
    }

    public void forget(AccountId account) {
        disconnected(account);
        kept.forget(account);
        rosters.remove(account);
        blocked.remove(account);
        avatars.forget(account);
        requests.removeIf(r -> r.from().account().equals(account));
        changed();
    }

    public void unreadChanged(ConversationId conversation, int count) {
        if (count == 0) {
            unread.remove(conversation);
        } else {
            unread.put(conversation, count);
        }
        changed();
    }

    /** A list no server keeps (an IRC friends list): the app keeps it and gives it back at each connect. */
    private boolean listKeptByApp(AccountId account) {
        return sessions.capability(account, Roster.class).map(r -> !r.needsConsent()).orElse(false);
    }

    private Map<String, RosterEntry> roster(AccountId account) {
        return rosters.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
    }

    /** Coalesces: the publish runs after everything already queued on the core thread. */
    private void changed() {
        if (!publishScheduled) {
            publishScheduled = true;
            core.execute(this::publish);
        }
    }

    private void publish() {
        publishScheduled = false;
        List<Person> list = build();
        if (!list.equals(people)) {
            people = list;
            hub.publish(new CoreEvent.PeopleChanged(list));
        }
    }

    private List<Person> build() {
        List<Person> list = new ArrayList<>();
        rosters.forEach((account, entries) -> {
            String protocol = protocolOf.apply(account);
            boolean up = online.contains(account);
            for (RosterEntry e : entries.values()) {
                PresenceStatus p = up ? presence.getOrDefault(e.address(), PresenceStatus.OFFLINE)
                        : PresenceStatus.OFFLINE;
                Contact contact = new Contact(e.address(), protocol == null ? "" : protocol, e.displayName(),
                        e.groups(), e.subscription(), p,
                        blocked.getOrDefault(account, Set.of()).contains(e.address()),
                        avatars.get(e.address()).map(AvatarCache.Picture::id).orElse(""));
                list.add(new Person(account.value() + "/" + e.address().handle(), contact.displayName(),
                        List.of(contact), unread.getOrDefault(new ConversationId(e.address()), 0)));
            }
        });
        list.sort(ORDER);
        return List.copyOf(list);
    }

    // ---- API ----

    @Override
    public List<Person> people() {
        return people;
    }

    @Override
    public CompletableFuture<Void> add(AccountId account, String handle, String displayName, Set<String> groups) {
        ContactAddress address = new ContactAddress(account, handle.strip());
        return roster(account, Roster.class).thenCompose(r -> r.add(address, displayName,
                groups == null ? Set.of() : groups));
    }

    @Override
    public CompletableFuture<Void> remove(ContactAddress contact) {
        return roster(contact.account(), Roster.class).thenCompose(r -> r.remove(contact));
    }

    @Override
    public CompletableFuture<Void> update(ContactAddress contact, String displayName, Set<String> groups) {
        Set<String> clean = groups == null ? Set.of() : groups.stream().map(String::strip)
                .filter(g -> !g.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
        String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
        return sessions.callCapability(contact.account(), Roster.class, r -> r.update(contact, name, clean),
                PROVIDER_LIMIT);
    }

    @Override
    public Optional<byte[]> avatar(ContactAddress contact) {
        return avatars.get(contact).map(p -> p.bytes().clone());
    }

    /** Reads the pictures kept from earlier runs (at start, off the core thread), then shows them. */
    public CompletableFuture<Void> loadAvatars() {
        return avatars.load().thenRunAsync(this::changed, core);
    }

    /** Lets the last pictures reach the disk. */
    public void close() {
        avatars.close();
    }

    @Override
    public boolean canBlock(AccountId account) {
        return sessions.capability(account, Blocking.class).isPresent();
    }

    @Override
    public CompletableFuture<Void> setBlocked(ContactAddress contact, boolean block) {
        return sessions.callCapability(contact.account(), Blocking.class,
                b -> block ? b.block(contact) : b.unblock(contact), PROVIDER_LIMIT);
    }

    @Override
    public List<SubscriptionRequest> pendingRequests() {
        return List.copyOf(requests);
    }

    @Override
    public CompletableFuture<Void> answer(SubscriptionRequest request, boolean accept) {
        ContactAddress from = request.from();
        return roster(from.account(), Roster.class)
                .thenCompose(r -> r.answerSubscription(from, accept).thenCompose(v -> {
                    requests.remove(request);
                    RosterEntry entry = rosters.getOrDefault(from.account(), Map.of()).get(from.handle());
                    boolean seesThem = entry != null && (entry.subscription() == Subscription.TO
                            || entry.subscription() == Subscription.BOTH
                            || entry.subscription() == Subscription.PENDING_OUT);
                    return accept && !seesThem ? r.add(from, null, Set.of()) : CompletableFuture.completedFuture(null);
                }));
    }

    @Override
    public PresenceStatus ownPresence() {
        return own;
    }

    @Override
    public CompletableFuture<Void> setOwnPresence(PresenceStatus status) {
        return core.call(() -> {
            own = status;
            settings.set(PRESENCE_KEY, status.availability().name());
            settings.set(STATUS_KEY, status.statusText());
            hub.publish(new CoreEvent.OwnPresenceChanged(status));
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (AccountId account : sessions.connectedAccounts()) {
                sessions.capability(account, Presence.class).ifPresent(p -> sent.add(p.setOwn(status)));
            }
            return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
        }).thenCompose(f -> f);
    }

    private <C extends org.switchboard.protocol.spi.capability.Capability> CompletableFuture<C> roster(
            AccountId account, Class<C> type) {
        return sessions.capability(account, type).map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(new ProtocolException(Reason.NOT_CONNECTED,
                        "The account " + account + " is not connected")));
    }
}
