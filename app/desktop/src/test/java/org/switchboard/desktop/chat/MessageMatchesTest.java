package org.switchboard.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/** Stepping through the messages that contain a text, as the find bar does. */
class MessageMatchesTest {

    private static final ConversationId WITH = new ConversationId(new ContactAddress(new AccountId("a"), "b"));

    private static StoredMessage message(long seq, String body) {
        return new StoredMessage(seq, WITH, MessageId.of("m" + seq), Direction.INCOMING, body, Instant.EPOCH,
                MessageStatus.DELIVERED, null);
    }

    private final List<StoredMessage> messages = List.of(message(1, "Hello Great Wall"),
            message(2, "nothing"), message(3, "去爬长城吧"), message(4, "the great wall again"));

    @Test
    void forwardWrapsAroundAndIgnoresCase() {
        assertThat(MessageMatches.next(messages, "great", -1, true)).isZero();
        assertThat(MessageMatches.next(messages, "great", 0, true)).isEqualTo(3);
        assertThat(MessageMatches.next(messages, "great", 3, true)).isZero();
    }

    @Test
    void backwardStartsAtTheNewestAndWraps() {
        assertThat(MessageMatches.next(messages, "GREAT", -1, false)).isEqualTo(3);
        assertThat(MessageMatches.next(messages, "great", 3, false)).isZero();
        assertThat(MessageMatches.next(messages, "great", 0, false)).isEqualTo(3);
    }

    @Test
    void chineseIsFoundBySubstringAndBlankFindsNothing() {
        assertThat(MessageMatches.next(messages, "长城", -1, true)).isEqualTo(2);
        assertThat(MessageMatches.next(messages, "  ", -1, true)).isEqualTo(-1);
        assertThat(MessageMatches.indices(messages, "absent")).isEmpty();
    }
}
