package org.switchboard.desktop.history;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.switchboard.core.account.Account;
import org.switchboard.core.contact.Person;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.history.HistoryService;
import org.switchboard.core.history.SearchHit;
import org.switchboard.core.history.SearchQuery;
import org.switchboard.desktop.fx.FxEventBridge;

/**
 * History search as the user types and filters. UI thread only. Every {@link #search()} gets
 * a number; an answer that arrives after a newer search was issued is dropped, so a slow
 * search for "ab" can never overwrite the results for "abc".
 */
public final class SearchViewModel {

    private final HistoryService history;
    private final FxEventBridge bridge;
    private final ZoneId zone;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Person> person = new SimpleObjectProperty<>();
    private final ObjectProperty<Account> account = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<SearchHit> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private long issued;

    public SearchViewModel(HistoryService history, FxEventBridge bridge, ZoneId zone) {
        this.history = history;
        this.bridge = bridge;
        this.zone = zone;
    }

    /** Runs the search for the current text and filters; blank text clears the results at once. */
    public void search() {
        long number = ++issued;
        error.set("");
        if (text.get() == null || text.get().isBlank()) {
            searching.set(false);
            results.clear();
            return;
        }
        searching.set(true);
        history.search(query()).whenCompleteAsync((hits, failure) -> {
            if (number != issued) {
                return;
            }
            searching.set(false);
            if (failure != null) {
                results.clear();
                error.set(String.valueOf(failure.getMessage()));
            } else {
                results.setAll(hits);
            }
        }, bridge.fx());
    }

    SearchQuery query() {
        SearchQuery query = SearchQuery.of(text.get());
        if (person.get() != null) {
            Set<ConversationId> conversations = Set.copyOf(person.get().contacts().stream()
                    .map(c -> new ConversationId(c.address())).toList());
            query = query.inConversations(conversations);
        }
        if (account.get() != null) {
            query = query.inAccounts(Set.of(account.get().id()));
        }
        return query.between(from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Who a result is with: the person's name on the unified list, else the peer's handle; a room's name. */
    public static String titleOf(ConversationId conversation, List<Person> people) {
        if (conversation.isRoom()) {
            return conversation.name();
        }
        return people.stream()
                .filter(p -> p.contacts().stream().anyMatch(c -> c.address().equals(conversation.peer())))
                .map(Person::displayName).findFirst().orElse(conversation.peer().handle());
    }

    public StringProperty text() {
        return text;
    }

    public ObjectProperty<Person> person() {
        return person;
    }

    public ObjectProperty<Account> account() {
        return account;
    }

    public ObjectProperty<LocalDate> from() {
        return from;
    }

    public ObjectProperty<LocalDate> to() {
        return to;
    }

    public ObservableList<SearchHit> results() {
        return results;
    }

    public ReadOnlyBooleanProperty searching() {
        return searching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
