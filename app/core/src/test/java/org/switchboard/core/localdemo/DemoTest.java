package org.switchboard.core.localdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.account.Account;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.event.CoreEvent.AccountStatusChanged;
import org.switchboard.core.event.CoreEvent.MessageAdded;
import org.switchboard.core.event.CoreEvent.MessageUpdated;
import org.switchboard.core.event.CoreEvent.PeerTyping;
import org.switchboard.core.event.CoreEvent.PeopleChanged;
import org.switchboard.core.event.CoreEvent.UnreadChanged;
import org.switchboard.core.testing.TestCore;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.TypingState;
import org.switchboard.protocol.spi.ConnectionState;

class DemoTest {

    @TempDir
    Path dir;

    private TestCore app;

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
    }

    private Account startDemo() throws Exception {
        app = TestCore.open(dir, DemoMode.ON);
        app.core().start().join();
        assertThat(app.core().demoRunning()).isTrue();
        Account demo = app.core().accounts().accounts().stream().filter(Account::demo).findFirst().orElseThrow();
        app.events().await(AccountStatusChanged.class, e -> e.status().account().equals(demo.id())
                && e.status().state() == ConnectionState.CONNECTED);
        return demo;
    }

    @Test
    void theDemoContactsAnswerAndTheDemoSurvivesARestart() throws Exception {
        Account demo = startDemo();
        assertThat(demo.label()).isEqualTo("Demo");
        assertThat(demo.protocolId()).isEqualTo("native");
        ConversationId echo = new ConversationId(new ContactAddress(demo.id(), "echo"));
        ConversationId xiaoming = new ConversationId(new ContactAddress(demo.id(), "xiaoming"));
        app.events().await(PeopleChanged.class, e -> e.people().stream()
                .filter(p -> p.presence().availability().isOnline()).count() == 2);

        StoredMessage hi = app.core().conversations().send(echo, "hi").join();

        app.events().await(PeerTyping.class, e -> e.conversation().equals(echo) && e.state() == TypingState.COMPOSING);
        app.events().await(MessageAdded.class, e -> e.message().conversation().equals(echo)
                && e.message().direction() == Direction.INCOMING && e.message().body().equals("Echo: hi"));
        app.events().await(MessageUpdated.class, e -> e.message().seq() == hi.seq()
                && e.message().status() == MessageStatus.READ);

        app.core().conversations().send(xiaoming, "你好").join();

        MessageAdded reply = app.events().await(MessageAdded.class, e -> e.message().conversation().equals(xiaoming)
                && e.message().direction() == Direction.INCOMING);
        assertThat(reply.message().body()).contains("你好")
                .matches(s -> s.codePoints()
                        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));

        app.close();
        app = null;
        Account again = startDemo();

        assertThat(again.id()).isEqualTo(demo.id());
        assertThat(app.core().accounts().accounts()).filteredOn(Account::demo).hasSize(1);
        assertThat(app.core().conversations().recent(echo, 10).join()).extracting(StoredMessage::body)
                .containsExactly("hi", "Echo: hi");
        assertThat(app.core().conversations().unread(echo)).isEqualTo(1);

        app.core().conversations().setActive(Optional.of(echo));

        app.events().await(UnreadChanged.class, e -> e.conversation().equals(echo) && e.unread() == 0);
    }

    @Test
    void autoRunsTheDemoOnAFirstStartOnly() throws Exception {
        app = TestCore.open(dir.resolve("first"), DemoMode.AUTO);
        app.core().start().join();
        assertThat(app.core().demoRunning()).isTrue();
        app.close();

        app = TestCore.open(dir.resolve("off"), DemoMode.OFF);
        app.core().start().join();
        assertThat(app.core().demoRunning()).isFalse();
        assertThat(app.core().accounts().accounts()).isEmpty();
    }
}
