package org.switchboard.desktop.rooms;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.switchboard.core.account.Account;
import org.switchboard.core.room.RoomService;
import org.switchboard.desktop.fx.FxEventBridge;
import org.switchboard.protocol.model.RoomAddress;

/**
 * The "Join room" dialog: which account (those that can join rooms now), the room, a nick and a
 * password. The dialog stays open while joining and shows why a join failed. UI thread only.
 */
public final class JoinRoomViewModel {

    private final RoomService rooms;
    private final FxEventBridge bridge;
    private final List<Account> accounts;
    private final ObjectProperty<Account> account = new SimpleObjectProperty<>();
    private final StringProperty room = new SimpleStringProperty("");
    private final StringProperty nick = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** @param enabled the enabled accounts; only those with group chat are offered */
    public JoinRoomViewModel(RoomService rooms, FxEventBridge bridge, List<Account> enabled) {
        this.rooms = rooms;
        this.bridge = bridge;
        this.accounts = enabled.stream().filter(a -> rooms.canJoin(a.id())).toList();
        if (!accounts.isEmpty()) {
            account.set(accounts.getFirst());
        }
    }

    /**
     * Joins; completes with the room when the user is in, or with null after a failure, whose
     * reason is then in {@link #error()}.
     */
    public CompletableFuture<RoomAddress> join() {
        error.set("");
        if (account.get() == null || room.get() == null || room.get().isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        return rooms.join(account.get().id(), room.get().strip(), nick.get(), password.get())
                .handleAsync((joined, failure) -> {
                    busy.set(false);
                    if (failure != null) {
                        error.set(Failures.message(failure));
                        return null;
                    }
                    return joined;
                }, bridge.fx());
    }

    public List<Account> accounts() {
        return accounts;
    }

    public ObjectProperty<Account> account() {
        return account;
    }

    public StringProperty room() {
        return room;
    }

    public StringProperty nick() {
        return nick;
    }

    public StringProperty password() {
        return password;
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }
}
