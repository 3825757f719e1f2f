package org.switchboard.desktop.rooms;

import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.room.Room;
import org.switchboard.core.room.RoomService;
import org.switchboard.desktop.fx.FxEventBridge;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.model.RoomOccupant;

/**
 * A room tab's own state: the member list (sorted by role then nick, as the core keeps it), the
 * topic, the user's nick there and whether the user is in. UI thread only.
 */
public final class RoomViewModel implements AutoCloseable {

    private final RoomService rooms;
    private final FxEventBridge bridge;
    private final RoomAddress address;
    private final ObservableList<RoomOccupant> members = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper topic = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ownNick = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper joined = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper topicEditable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private AutoCloseable subscription;

    public RoomViewModel(RoomService rooms, FxEventBridge bridge, RoomAddress address) {
        this.rooms = rooms;
        this.bridge = bridge;
        this.address = address;
    }

    /** Subscribes first, then reads the current state, so no change falls between the two. */
    public void activate() {
        if (subscription != null) {
            return;
        }
        subscription = bridge.listen(this::onEvent);
        members.setAll(rooms.members(address));
        rooms.room(address).ifPresent(this::show);
    }

    private void onEvent(CoreEvent event) {
        switch (event) {
            case CoreEvent.RoomMembersChanged changed when changed.room().equals(address) ->
                    members.setAll(changed.members());
            case CoreEvent.RoomsChanged changed -> changed.rooms().stream()
                    .filter(r -> r.address().equals(address)).findFirst()
                    .ifPresentOrElse(this::show, () -> joined.set(false));
            default -> { }
        }
    }

    private void show(Room room) {
        topic.set(room.topic());
        ownNick.set(room.ownNick());
        joined.set(room.joined());
        topicEditable.set(room.topicEditable());
    }

    /** Sets the topic; a refusal (not an operator) is shown in {@link #error()}. */
    public CompletableFuture<Void> setTopic(String text) {
        error.set("");
        return rooms.setTopic(address, text == null ? "" : text.strip())
                .exceptionallyAsync(failure -> {
                    error.set(String.valueOf(Failures.message(failure)));
                    topic.set(rooms.room(address).map(Room::topic).orElse(topic.get()));
                    return null;
                }, bridge.fx());
    }

    public CompletableFuture<Void> leave() {
        return rooms.leave(address, "");
    }

    public RoomAddress address() {
        return address;
    }

    public ObservableList<RoomOccupant> members() {
        return members;
    }

    public ReadOnlyStringProperty topic() {
        return topic.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownNick() {
        return ownNick.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty joined() {
        return joined.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty topicEditable() {
        return topicEditable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
