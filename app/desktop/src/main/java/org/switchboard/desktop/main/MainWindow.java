package org.switchboard.desktop.main;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.switchboard.core.account.Account;
import org.switchboard.core.account.AccountStatus;
import org.switchboard.core.contact.SubscriptionRequest;
import org.switchboard.desktop.accounts.AccountManagerView;
import org.switchboard.desktop.chat.ChatView;
import org.switchboard.desktop.chat.ChatViewModel;
import org.switchboard.desktop.conversation.StartConversationDialog;
import org.switchboard.desktop.plugins.PluginsView;
import org.switchboard.desktop.plugins.PluginsViewModel;
import org.switchboard.desktop.dialogs.DialogService;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.roster.RosterView;
import org.switchboard.desktop.settings.SettingsDialog;
import org.switchboard.desktop.theme.Theme;

/**
 * The main window: menu and own status on top, the unified contact list on the left,
 * conversation tabs on the right, account states at the bottom.
 */
public final class MainWindow {

    private final MainViewModel model;
    private final I18n i18n;
    private final Stage stage;
    private final DialogService dialogs;
    private final TabPane tabs = new TabPane();
    private final Map<ChatViewModel, Tab> tabOf = new HashMap<>();
    private final RosterView roster;
    private final HBox statusBar = new HBox(12);

    public MainWindow(MainViewModel model, I18n i18n, Stage stage) {
        this.model = model;
        this.i18n = i18n;
        this.stage = stage;
        this.dialogs = new DialogService(i18n, stage);
        this.roster = new RosterView(model.roster(), i18n, person -> model.openConversation(person), model::openRoom,
                new org.switchboard.desktop.roster.ContactMenu(
                        new org.switchboard.desktop.roster.ContactActions(model.core().contacts()), dialogs, i18n,
                        model.bridge().fx()),
                new org.switchboard.desktop.roster.AvatarImages(model.core().contacts(), model.bridge().fx()));

        tabs.setId("conversations");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Label placeholder = new Label(i18n.text("chat.none"));
        placeholder.getStyleClass().add("placeholder");
        placeholder.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()));
        StackPane conversations = new StackPane(placeholder, tabs);
        tabs.visibleProperty().bind(placeholder.visibleProperty().not());

        SplitPane split = new SplitPane(roster, conversations);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(roster, false);

        ToolBar toolbar = new ToolBar(new OwnStatusSelector(model, i18n));
        VBox top = new VBox(menus(), toolbar);
        statusBar.setPadding(new Insets(4, 8, 4, 8));
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setId("statusBar");
        statusBar.getStyleClass().add("status-bar");

        BorderPane root = new BorderPane(split, top, null, statusBar, null);
        root.setId("mainWindow");
        Scene scene = new Scene(root, 1000, 680);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.setTitle(i18n.text("app.name"));
        stage.setMinWidth(560);
        stage.setMinHeight(400);

        wireTabs();
        wireQuestions();
        wireHistoryRecovery();
        model.statuses().addListener((javafx.collections.MapChangeListener<Object, AccountStatus>) c -> refreshStatusBar());
        model.accounts().addListener((ListChangeListener<Account>) c -> refreshStatusBar());
        model.serverNotices().addListener(
                (javafx.collections.MapChangeListener<Object, Object>) c -> refreshStatusBar());
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+K"), roster::focusFilter);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+W"), () -> {
            ChatViewModel chat = model.selectedChat().get();
            if (chat != null && chat.conversation().isRoom()) {
                dialogs.askLeaveRoom(chat.conversation().name(), leaveToo -> {
                    if (leaveToo) {
                        model.leaveRoom(chat);
                    } else {
                        model.closeConversation(chat);
                    }
                });
            } else if (chat != null) {
                model.closeConversation(chat);
            }
        });
    }

    private MenuBar menus() {
        MenuItem accounts = new MenuItem(i18n.text("menu.accounts"));
        accounts.setId("menuAccounts");
        accounts.setOnAction(e -> new AccountManagerView(model, i18n, stage).show());
        MenuItem settings = new MenuItem(i18n.text("menu.settings"));
        settings.setAccelerator(KeyCombination.keyCombination("Shortcut+COMMA"));
        settings.setOnAction(e -> new SettingsDialog(model.core().settings(), i18n, stage).show());
        MenuItem quit = new MenuItem(i18n.text("menu.quit"));
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.close());
        MenuItem plugins = new MenuItem(i18n.text("menu.plugins"));
        plugins.setId("menuPlugins");
        plugins.setOnAction(e -> new PluginsView(new PluginsViewModel(model.core().plugins(), model.bridge()), i18n,
                stage).show());
        Menu app = new Menu(i18n.text("menu.app"), null, accounts, plugins, settings, quit);

        MenuItem addContact = new MenuItem(i18n.text("menu.addContact"));
        addContact.setOnAction(e -> dialogs.askNewContact(model.accounts().stream()
                .filter(Account::enabled).toList(), c -> model.core().contacts().add(c.account(), c.handle(),
                c.name(), Set.of())));
        MenuItem demo = new MenuItem(i18n.text("menu.startDemo"));
        demo.setOnAction(e -> model.core().startDemo().whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                dialogs.showError(i18n.text("demo.failed"), String.valueOf(failure.getMessage()));
            }
        }, model.bridge().fx()));
        MenuItem startConversation = new MenuItem(i18n.text("menu.startConversation"));
        startConversation.setId("menuStartConversation");
        startConversation.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        startConversation.setOnAction(e -> StartConversationDialog.ask(
                model.accounts().stream().filter(Account::enabled).toList(), i18n, stage,
                (account, handle) -> model.openConversation(new org.switchboard.core.conversation.ConversationId(
                        new org.switchboard.protocol.model.ContactAddress(account.id(), handle)), handle)));
        MenuItem joinRoom = new MenuItem(i18n.text("menu.joinRoom"));
        joinRoom.setId("menuJoinRoom");
        joinRoom.setAccelerator(KeyCombination.keyCombination("Shortcut+J"));
        joinRoom.setOnAction(e -> showJoinRoom());
        Menu contacts = new Menu(i18n.text("menu.contacts"), null, startConversation, joinRoom, addContact, demo);
        contacts.setOnShowing(e -> demo.setDisable(model.core().demoRunning()));
        Menu history = new org.switchboard.desktop.history.HistoryMenu(model, i18n, stage).menu();
        MenuBar bar = new MenuBar(app, contacts, history);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void showJoinRoom() {
        org.switchboard.desktop.rooms.JoinRoomDialog.show(new org.switchboard.desktop.rooms.JoinRoomViewModel(
                model.core().rooms(), model.bridge(), model.accounts().stream().filter(Account::enabled).toList()),
                i18n, stage, model::openRoom);
    }

    private void wireTabs() {
        model.chats().addListener((ListChangeListener<ChatViewModel>) change -> {
            while (change.next()) {
                for (ChatViewModel removed : change.getRemoved()) {
                    Tab tab = tabOf.remove(removed);
                    if (tab != null) {
                        tabs.getTabs().remove(tab);
                    }
                }
                for (ChatViewModel added : change.getAddedSubList()) {
                    ChatView view = new ChatView(added, i18n);
                    Tab tab = new Tab();
                    tab.textProperty().bind(added.title());
                    tab.setContent(view);
                    tab.setUserData(added);
                    tab.setOnClosed(e -> model.closeConversation(added));
                    if (added.conversation().isRoom()) {
                        wireRoomTab(tab, added);
                    }
                    tabOf.put(added, tab);
                    tabs.getTabs().add(tab);
                }
            }
        });
        model.selectedChat().addListener((o, old, chat) -> {
            Tab tab = chat == null ? null : tabOf.get(chat);
            if (tab != null) {
                tabs.getSelectionModel().select(tab);
                ((ChatView) tab.getContent()).focusInput();
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, tab) ->
                model.selectedChat().set(tab == null ? null : (ChatViewModel) tab.getUserData()));
    }

    /** A room's tab: leave from its context menu; closing it asks whether to leave the room too. */
    private void wireRoomTab(Tab tab, ChatViewModel room) {
        MenuItem leave = new MenuItem(i18n.text("room.leave"));
        leave.setId("leaveRoom");
        leave.setOnAction(e -> model.leaveRoom(room));
        tab.setContextMenu(new javafx.scene.control.ContextMenu(leave));
        tab.setOnCloseRequest(e -> {
            e.consume();
            dialogs.askLeaveRoom(room.conversation().name(), leaveToo -> {
                if (leaveToo) {
                    model.leaveRoom(room);
                } else {
                    model.closeConversation(room);
                }
            });
        });
    }

    private void wireQuestions() {
        model.invitations().addListener((ListChangeListener<org.switchboard.core.room.RoomInvitation>) change -> {
            while (change.next()) {
                for (var invitation : change.getAddedSubList()) {
                    dialogs.askRoomInvitation(invitation, accept -> model.answer(invitation, accept));
                }
            }
        });
        model.requests().addListener((ListChangeListener<SubscriptionRequest>) change -> {
            while (change.next()) {
                for (SubscriptionRequest request : change.getAddedSubList()) {
                    dialogs.askSubscription(request, accept -> model.answer(request, accept));
                }
            }
        });
        model.certificateQuestions().addListener((ListChangeListener<AccountStatus>) change -> {
            while (change.next()) {
                for (AccountStatus question : change.getAddedSubList()) {
                    String label = model.accounts().stream().filter(a -> a.id().equals(question.account()))
                            .map(Account::label).findFirst().orElse(question.account().value());
                    dialogs.askTrustCertificate(question, label, trust -> model.answerCertificate(question, trust));
                }
            }
        });
    }

    /** A damaged history is never replaced silently: say where the old file was kept. */
    private void wireHistoryRecovery() {
        model.historyRecovery().subscribe(recovery -> {
            if (recovery != null) {
                dialogs.showError(i18n.text("history.recovered"), i18n.text("history.recovered.details",
                        recovery.keptAs().toString(), recovery.problem()));
            }
        });
    }

    private void refreshStatusBar() {
        statusBar.getChildren().clear();
        for (Account account : model.accounts()) {
            AccountStatus status = model.statuses().get(account.id());
            String state = !account.enabled() ? i18n.text("accounts.disabled")
                    : status == null ? i18n.text("state.disconnected")
                    : i18n.text("state." + status.state().name().toLowerCase(Locale.ROOT));
            Label label = new Label((account.label().isBlank() ? account.protocolId() : account.label()) + ": " + state);
            label.getStyleClass().add("account-state");
            if (status != null && status.error() != null) {
                label.setTooltip(new javafx.scene.control.Tooltip(i18n.failure(status.error(), status.errorMessage())));
            }
            statusBar.getChildren().add(label);
            var notice = model.serverNotices().get(account.id());
            if (notice != null) {
                String text = notice.from().isBlank() ? notice.text() : notice.from() + ": " + notice.text();
                Label shown = new Label(i18n.text("server.notice", text));
                shown.getStyleClass().add("server-notice");
                shown.setMaxWidth(360);
                shown.setTooltip(new javafx.scene.control.Tooltip(text));
                statusBar.getChildren().add(shown);
            }
        }
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public void show() {
        stage.show();
    }
}
