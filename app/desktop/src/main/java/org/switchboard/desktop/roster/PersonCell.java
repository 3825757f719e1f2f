package org.switchboard.desktop.roster;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.switchboard.core.contact.Person;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.PresenceStatus;

/**
 * A person in the unified list: presence dot, name, status text, a blocked marker, protocol
 * badge, unread count; the first person of a group also shows the group's header.
 */
final class PersonCell extends ListCell<Person> {

    /** The list draws pictures 28 px across. */
    static final double AVATAR_RADIUS = 14;

    private final I18n i18n;
    private final AvatarImages avatars;
    /** The contact's picture, round; an initial on a plain disc until there is one. */
    private final Circle avatar = new Circle(AVATAR_RADIUS);
    private final Label initial = new Label();
    private final javafx.scene.layout.StackPane avatarBox = new javafx.scene.layout.StackPane(avatar, initial);
    private String shownAvatar = "";
    private final Circle dot = new Circle(5);
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label badge = new Label();
    private final Label unread = new Label();
    private final Label blocked = new Label();
    private final Label header = new Label();
    private final HBox row;
    private final VBox box;

    PersonCell(I18n i18n, AvatarImages avatars) {
        this.i18n = i18n;
        this.avatars = avatars;
        avatar.getStyleClass().add("avatar");
        avatar.setId("avatar");
        name.getStyleClass().add("person-name");
        status.getStyleClass().add("person-status");
        badge.getStyleClass().add("protocol-badge");
        unread.getStyleClass().add("unread-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox text = new VBox(0, name, status);
        blocked.setText(i18n.text("roster.blocked"));
        blocked.getStyleClass().add("blocked-badge");
        header.getStyleClass().add("roster-group");
        initial.getStyleClass().add("avatar-initial");
        row = new HBox(8, avatarBox, dot, text, spacer, blocked, unread, badge);
        row.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(2, header, row);
    }

    private void showAvatar(Person person) {
        org.switchboard.core.contact.Contact contact = person.preferredContact();
        String id = contact.avatarId();
        if (!id.isEmpty() && id.equals(shownAvatar)) {
            return;
        }
        shownAvatar = "";
        avatar.setFill(null);
        avatar.getStyleClass().setAll("avatar", "avatar-placeholder");
        String name = person.displayName().strip();
        initial.setText(name.isEmpty() ? "" : new String(Character.toChars(name.codePointAt(0)))
                .toUpperCase(java.util.Locale.ROOT));
        avatars.request(contact, image -> {
            // The cell may show someone else by the time the picture is decoded.
            Person now = getItem();
            if (now != null && now.preferredContact().avatarId().equals(id)) {
                shownAvatar = id;
                avatar.getStyleClass().setAll("avatar");
                avatar.setFill(new javafx.scene.paint.ImagePattern(image));
                initial.setText("");
            }
        });
    }

    /** Whether the cell shows a picture (not the placeholder). */
    boolean showsPicture() {
        return !shownAvatar.isEmpty();
    }

    /**
     * The group's header, drawn by the first person of each group (the list is sorted by group);
     * no headers while nobody has a group.
     */
    private String headerFor(Person person) {
        if (getListView() == null || getIndex() < 0) {
            return "";
        }
        var items = getListView().getItems();
        String group = RosterViewModel.group(person);
        // Sorted by group with the ungrouped last: the first person has a group if anyone has.
        boolean anyGroup = !items.isEmpty() && !RosterViewModel.group(items.getFirst()).isEmpty();
        if (!anyGroup) {
            return "";
        }
        int at = getIndex();
        if (at > 0 && at <= items.size() && RosterViewModel.group(items.get(at - 1)).equals(group)) {
            return "";
        }
        return group.isEmpty() ? i18n.text("roster.group.none") : group;
    }

    @Override
    protected void updateItem(Person person, boolean empty) {
        super.updateItem(person, empty);
        if (empty || person == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        PresenceStatus presence = person.presence();
        name.setText(person.displayName());
        String availability = i18n.text("presence." + presence.availability().name().toLowerCase(java.util.Locale.ROOT));
        status.setText(presence.statusText().isBlank() ? availability : availability + " — " + presence.statusText());
        dot.getStyleClass().setAll("presence-dot", "presence-" + presence.availability().name().toLowerCase(java.util.Locale.ROOT));
        badge.setText(RosterViewModel.protocolOf(person).toUpperCase(java.util.Locale.ROOT));
        unread.setText(Integer.toString(person.unread()));
        unread.setVisible(person.unread() > 0);
        unread.setManaged(person.unread() > 0);
        boolean isBlocked = person.contacts().stream().anyMatch(org.switchboard.core.contact.Contact::blocked);
        blocked.setVisible(isBlocked);
        blocked.setManaged(isBlocked);
        showAvatar(person);
        String title = headerFor(person);
        header.setText(title);
        header.setVisible(!title.isEmpty());
        header.setManaged(!title.isEmpty());
        setText(null);
        setGraphic(box);
        setAccessibleText(person.displayName() + ", " + availability
                + (isBlocked ? ", " + i18n.text("roster.blocked") : "")
                + (person.unread() > 0 ? ", " + i18n.text("roster.unread", person.unread()) : ""));
        setOpacity(presence.availability() == Availability.OFFLINE ? 0.6 : 1.0);
    }
}
