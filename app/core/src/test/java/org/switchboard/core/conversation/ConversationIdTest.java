package org.switchboard.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.RoomAddress;

class ConversationIdTest {

    private final AccountId account = new AccountId("5d0c1f6e-4c1a-4f7e-9a39-1a0a2a0b3c4d");

    @Test
    void oneToOneKeysAreTheKeysHistoryAlwaysHad() {
        ConversationId direct = new ConversationId(new ContactAddress(account, "bob@example.org"));

        assertThat(direct.key()).isEqualTo(account.value() + "/bob@example.org");
        assertThat(direct.isRoom()).isFalse();
        assertThat(direct.peer()).isEqualTo(new ContactAddress(account, "bob@example.org"));
    }

    @Test
    void aRoomAndAContactOfTheSameNameAreDifferentConversationsWithDifferentKeys() {
        ConversationId room = new ConversationId(new RoomAddress(account, "#switchboard"));
        ConversationId direct = new ConversationId(new ContactAddress(account, "#switchboard"));

        assertThat(room).isNotEqualTo(direct);
        assertThat(room.key()).isNotEqualTo(direct.key());
        assertThat(room.room()).isEqualTo(new RoomAddress(account, "#switchboard"));
        assertThat(room.isRoom()).isTrue();
    }

    @Test
    void noHandleMakesADirectKeyEqualToARoomKey() {
        ConversationId room = new ConversationId(new RoomAddress(account, "#x"));
        // Whatever the handle, a one-to-one key starts with the account id, a room key never does.
        for (String handle : new String[] {"room:" + account.value() + "/#x", "#x", "/#x", "room:#x"}) {
            assertThat(new ConversationId(new ContactAddress(account, handle)).key()).isNotEqualTo(room.key());
        }
        assertThat(room.key()).doesNotStartWith(account.value());
    }

    @Test
    void askingARoomForItsPeerOrAChatForItsRoomIsAnError() {
        ConversationId room = new ConversationId(new RoomAddress(account, "#x"));
        ConversationId direct = new ConversationId(new ContactAddress(account, "x"));

        assertThatThrownBy(room::peer).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(direct::room).isInstanceOf(IllegalStateException.class);
    }
}
