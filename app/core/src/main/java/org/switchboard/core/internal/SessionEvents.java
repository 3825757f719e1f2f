package org.switchboard.core.internal;

import org.switchboard.core.account.AccountStatus;
import org.switchboard.core.chat.ArchiveCatchUp;
import org.switchboard.core.chat.Conversations;
import org.switchboard.core.event.CoreEvent;
import org.switchboard.core.people.ContactDirectory;
import org.switchboard.core.room.Rooms;
import org.switchboard.core.session.SessionHooks;
import org.switchboard.protocol.event.ProtocolEvent;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.ProtocolSession;

/** Routes what the supervisor reports to the contact list and the conversations (core thread). */
final class SessionEvents implements SessionHooks {

    private final ListenerHub hub;
    private ContactDirectory contacts;
    private Conversations conversations;
    private Rooms rooms;
    private ArchiveCatchUp archive;

    SessionEvents(ListenerHub hub) {
        this.hub = hub;
    }

    /** The two consumers need the supervisor themselves, so they arrive after it is made. */
    void bind(ContactDirectory contactDirectory, Conversations conversationService, Rooms roomService,
              ArchiveCatchUp archiveCatchUp) {
        this.archive = archiveCatchUp;
        this.contacts = contactDirectory;
        this.conversations = conversationService;
        this.rooms = roomService;
    }

    @Override
    public void statusChanged(AccountStatus status) {
        hub.publish(new CoreEvent.AccountStatusChanged(status));
    }

    @Override
    public void connected(AccountId account, ProtocolSession session) {
        contacts.connected(account);
        conversations.connected(account);
        archive.connected(account);
        // Where each room's history stands is read before rejoining: the room's own history on
        // join would otherwise move the point the archive is asked from past the gap.
        archive.beforeRejoin(account, rooms.remembered(account))
                .thenRun(() -> rooms.connected(account, archive::willCatchUp));
    }

    @Override
    public void disconnected(AccountId account) {
        contacts.disconnected(account);
        conversations.disconnected(account);
        rooms.disconnected(account);
    }

    @Override
    public void event(ProtocolEvent event) {
        contacts.onEvent(event);
        conversations.onEvent(event);
        rooms.onEvent(event);
        if (event instanceof ProtocolEvent.RoomJoined joined) {
            archive.roomJoined(joined.room());
        }
    }
}
