package org.switchboard.desktop.main;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountStatus;
import org.switchboard.core.contact.Person;
import org.switchboard.core.contact.SubscriptionRequest;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.room.RoomInvitation;
import org.switchboard.desktop.chat.ChatViewModel;
import org.switchboard.desktop.fx.FxEventBridge;
import org.switchboard.desktop.roster.RosterViewModel;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.RoomAddress;

/**
 * The main window's state: the unified list, the open conversations, own presence, accounts'
 * connection states, and the questions waiting for the user (subscription requests, untrusted
 * certificates). UI thread only; every core call is asynchronous.
 */
public final class MainViewModel implements AutoCloseable {

    private final SwitchboardCore core;
    private final FxEventBridge bridge;
    private final RosterViewModel roster = new RosterViewModel();
    private final ObservableList<ChatViewModel> chats = FXCollections.observableArrayList();
    private final ObjectProperty<ChatViewModel> selectedChat = new SimpleObjectProperty<>();
    private final ObjectProperty<PresenceStatus> ownPresence = new SimpleObjectProperty<>(PresenceStatus.ONLINE);
    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final ObservableMap<AccountId, AccountStatus> statuses = FXCollections.observableHashMap();
    private final ObservableList<SubscriptionRequest> requests = FXCollections.observableArrayList();
    private final ObservableList<AccountStatus> certificateQuestions = FXCollections.observableArrayList();
    private final ObservableList<RoomInvitation> invitations = FXCollections.observableArrayList();
    private final ObservableMap<AccountId, CoreEvent.ServerNoticeReceived> serverNotices =
            FXCollections.observableHashMap();
    private final Set<String> certificatesAsked = new HashSet<>();
    private final AutoCloseable subscription;
    private final ObjectProperty<org.switchboard.core.history.HistoryRecovery> historyRecovery =
            new SimpleObjectProperty<>();

    public MainViewModel(SwitchboardCore core, FxEventBridge bridge) {
        this.core = core;
        this.bridge = bridge;
        this.subscription = bridge.listen(this::onEvent);
        selectedChat.addListener((obs, old, now) -> {
            core.conversations().setActive(Optional.ofNullable(now).map(ChatViewModel::conversation));
            if (now != null) {
                core.conversations().markRead(now.conversation());
            }
        });
    }

    private void onEvent(CoreEvent event) {
        roster.onEvent(event);
        switch (event) {
            case CoreEvent.AccountsChanged changed -> accounts.setAll(changed.accounts());
            case CoreEvent.AccountStatusChanged changed -> onStatus(changed.status());
            case CoreEvent.SubscriptionRequested asked -> {
                if (!requests.contains(asked.request())) {
                    requests.add(asked.request());
                }
            }
            case CoreEvent.OwnPresenceChanged own -> ownPresence.set(own.presence());
            case CoreEvent.HistoryRecovered recovered -> historyRecovery.set(recovered.recovery());
            case CoreEvent.RoomInvited invited -> {
                if (!invitations.contains(invited.invitation())) {
                    invitations.add(invited.invitation());
                }
            }
            // The latest notice per account is shown beside its state in the status bar.
            case CoreEvent.ServerNoticeReceived notice -> serverNotices.put(notice.account(), notice);
            default -> { }
        }
    }

    private void onStatus(AccountStatus status) {
        statuses.put(status.account(), status);
        status.untrustedCertificate().ifPresent(cert -> {
            // Ask once per account and certificate, not at every reconnect attempt.
            if (certificatesAsked.add(status.account().value() + "/" + cert.sha256Fingerprint())) {
                certificateQuestions.add(status);
            }
        });
    }

    /** Opens (or brings forward) the conversation with a person. */
    public ChatViewModel openConversation(Person person) {
        return openConversation(person.conversation(), person.displayName());
    }

    /** Opens (or brings forward) a conversation by its id, e.g. with someone not on any list. */
    public ChatViewModel openConversation(ConversationId id, String title) {
        ChatViewModel chat = chats.stream().filter(c -> c.conversation().equals(id)).findFirst()
                .orElseGet(() -> {
                    ChatViewModel created = new ChatViewModel(core, bridge, id, title,
                            other -> openConversation(other, other.name()));
                    created.activate();
                    chats.add(created);
                    return created;
                });
        selectedChat.set(chat);
        return chat;
    }

    /** Opens a conversation positioned at one of its messages (from a search), with its neighbours. */
    public ChatViewModel openAt(ConversationId id, String title, long seq) {
        ChatViewModel chat = openConversation(id, title);
        chat.reveal(core.history(), seq);
        return chat;
    }

    /** Opens (or brings forward) a room's conversation. */
    public ChatViewModel openRoom(RoomAddress room) {
        return openConversation(new ConversationId(room), room.name());
    }

    /** Leaves the room of a room tab (the room is forgotten, not joined again) and closes the tab. */
    public void leaveRoom(ChatViewModel chat) {
        chat.room().ifPresent(room -> room.leave());
        closeConversation(chat);
    }

    public void answer(RoomInvitation invitation, boolean accept) {
        invitations.remove(invitation);
        if (accept) {
            core.rooms().join(invitation.room().account(), invitation.room().name(), null, invitation.password())
                    .thenAcceptAsync(this::openRoom, bridge.fx());
        }
    }

    public void closeConversation(ChatViewModel chat) {
        chats.remove(chat);
        if (selectedChat.get() == chat) {
            selectedChat.set(chats.isEmpty() ? null : chats.getLast());
        }
        try {
            chat.close();
        } catch (Exception ignored) {
            // Closing only unsubscribes; nothing to report to the user.
        }
    }

    public void setOwnPresence(PresenceStatus presence) {
        ownPresence.set(presence);
        core.contacts().setOwnPresence(presence);
    }

    public void answer(SubscriptionRequest request, boolean accept) {
        requests.remove(request);
        core.contacts().answer(request, accept);
    }

    public void answerCertificate(AccountStatus question, boolean trust) {
        certificateQuestions.remove(question);
        if (trust) {
            question.untrustedCertificate().ifPresent(cert ->
                    core.accounts().trustCertificate(question.account(), cert.sha256Fingerprint()));
        }
    }

    public SwitchboardCore core() {
        return core;
    }

    public FxEventBridge bridge() {
        return bridge;
    }

    public RosterViewModel roster() {
        return roster;
    }

    public ObservableList<ChatViewModel> chats() {
        return chats;
    }

    public ObjectProperty<ChatViewModel> selectedChat() {
        return selectedChat;
    }

    public ObjectProperty<PresenceStatus> ownPresence() {
        return ownPresence;
    }

    public ObservableList<Account> accounts() {
        return accounts;
    }

    public ObservableMap<AccountId, AccountStatus> statuses() {
        return statuses;
    }

    public ObservableList<SubscriptionRequest> requests() {
        return requests;
    }

    /** Set when the history database was damaged at start and replaced; the window tells the user. */
    public ObjectProperty<org.switchboard.core.history.HistoryRecovery> historyRecovery() {
        return historyRecovery;
    }

    /** Room invitations waiting for the user's answer. */
    public ObservableList<RoomInvitation> invitations() {
        return invitations;
    }

    public ObservableMap<AccountId, CoreEvent.ServerNoticeReceived> serverNotices() {
        return serverNotices;
    }

    public ObservableList<AccountStatus> certificateQuestions() {
        return certificateQuestions;
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        for (ChatViewModel chat : chats) {
            chat.close();
        }
    }
}
