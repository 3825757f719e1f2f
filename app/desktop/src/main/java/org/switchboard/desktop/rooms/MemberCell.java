package org.switchboard.desktop.rooms;

import javafx.scene.control.ListCell;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.RoomOccupant;

/** A member: role prefix ({@code ~ & @ +}) and nick in the nick's colour; away members dimmed. */
final class MemberCell extends ListCell<RoomOccupant> {

    private final I18n i18n;

    MemberCell(I18n i18n) {
        this.i18n = i18n;
    }

    @Override
    protected void updateItem(RoomOccupant member, boolean empty) {
        super.updateItem(member, empty);
        getStyleClass().removeIf(c -> c.startsWith("nick-color-"));
        if (empty || member == null) {
            setText(null);
            setOpacity(1);
            setAccessibleText(null);
            return;
        }
        setText(member.role().prefix() + member.nick());
        getStyleClass().add(NickColors.styleClass(member.nick()));
        setOpacity(member.away() ? 0.55 : 1);
        setAccessibleText(member.nick() + ", " + i18n.text("room.role."
                + member.role().name().toLowerCase(java.util.Locale.ROOT)));
    }
}
