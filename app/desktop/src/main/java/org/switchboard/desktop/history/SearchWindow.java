package org.switchboard.desktop.history;

import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.switchboard.core.account.Account;
import org.switchboard.core.contact.Person;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.history.SearchHit;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.main.MainViewModel;

/**
 * The history search window (Ctrl+Shift+F): results appear as the user types; Enter or a
 * double-click opens the conversation at the message. Not modal: the user keeps chatting.
 */
public final class SearchWindow {

    private static final Duration QUIET = Duration.millis(150);

    private final MainViewModel main;
    private final Stage owner;
    private final Stage stage = new Stage();
    private final SearchViewModel model;
    private final TextField field = new TextField();
    private final ListView<SearchHit> results;

    public SearchWindow(MainViewModel main, I18n i18n, Stage owner) {
        this.main = main;
        this.owner = owner;
        this.model = new SearchViewModel(main.core().history(), main.bridge(), ZoneId.systemDefault());
        Debounce debounce = new Debounce(QUIET, model::search);

        field.setId("searchField");
        field.setPromptText(i18n.text("search.prompt"));
        field.textProperty().bindBidirectional(model.text());
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onFieldKey);

        ComboBox<Person> person = new ComboBox<>(main.roster().allPeople());
        person.setId("searchPerson");
        person.setPromptText(i18n.text("search.anyone"));
        person.setConverter(named(p -> p.displayName()));
        person.valueProperty().bindBidirectional(model.person());
        ComboBox<Account> account = new ComboBox<>(main.accounts());
        account.setId("searchAccount");
        account.setPromptText(i18n.text("search.anyAccount"));
        account.setConverter(named(a -> a.label().isBlank() ? a.id().value() : a.label()));
        account.valueProperty().bindBidirectional(model.account());
        DatePicker from = new DatePicker();
        from.setId("searchFrom");
        from.setPromptText(i18n.text("search.from"));
        from.valueProperty().bindBidirectional(model.from());
        DatePicker to = new DatePicker();
        to.setId("searchTo");
        to.setPromptText(i18n.text("search.to"));
        to.valueProperty().bindBidirectional(model.to());
        Button clear = new Button(i18n.text("search.clearFilters"));
        clear.setOnAction(e -> {
            model.person().set(null);
            model.account().set(null);
            model.from().set(null);
            model.to().set(null);
        });
        HBox filters = new HBox(6, person, account, from, to, clear);
        filters.setAlignment(Pos.CENTER_LEFT);
        for (javafx.beans.Observable changed : new javafx.beans.Observable[] {
                model.text(), model.person(), model.account(), model.from(), model.to()}) {
            changed.addListener(o -> debounce.restart());
        }

        results = new ListView<>(model.results());
        results.setId("searchResults");
        results.setCellFactory(v -> new SearchResultCell(i18n,
                conversation -> SearchViewModel.titleOf(conversation, main.roster().allPeople())));
        results.setPlaceholder(new Label(i18n.text("search.empty")));
        results.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                openSelected();
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        // A change listener added after the list's own: new results reset its selection first.
        model.results().addListener((ListChangeListener<SearchHit>) change -> {
            if (!model.results().isEmpty() && results.getSelectionModel().isEmpty()) {
                results.getSelectionModel().selectFirst();
            }
        });

        Label status = new Label();
        status.setId("searchStatus");
        status.getStyleClass().add("search-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> !model.error().get().isEmpty()
                        ? i18n.text("search.failed", model.error().get())
                        : model.searching().get() ? i18n.text("search.searching")
                        : model.text().get().isBlank() ? "" : i18n.text("search.count", model.results().size()),
                model.error(), model.searching(), model.results(), model.text()));

        VBox top = new VBox(6, field, filters);
        BorderPane root = new BorderPane(results, top, null, status, null);
        root.setId("searchWindow");
        root.setPadding(new Insets(8));
        BorderPane.setMargin(results, new Insets(6, 0, 6, 0));
        Scene scene = new Scene(root, 720, 480);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setTitle(i18n.text("search.title"));
        stage.setOnHidden(e -> debounce.stop());
    }

    /** Enter in the field opens the highlighted result; Down moves into the list. */
    private void onFieldKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            event.consume();
            openSelected();
        } else if (event.getCode() == KeyCode.DOWN && !model.results().isEmpty()) {
            event.consume();
            results.requestFocus();
        }
    }

    private void openSelected() {
        Optional.ofNullable(results.getSelectionModel().getSelectedItem())
                .or(() -> model.results().stream().findFirst()).ifPresent(hit -> {
            StoredMessage message = hit.message();
            main.openAt(message.conversation(),
                    SearchViewModel.titleOf(message.conversation(), main.roster().allPeople()), message.seq());
            owner.toFront();
        });
    }

    public void show() {
        stage.show();
        stage.toFront();
        field.requestFocus();
        field.selectAll();
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
