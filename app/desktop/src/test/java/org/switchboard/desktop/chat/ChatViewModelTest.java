package org.switchboard.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.contact.Person;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.desktop.main.MainViewModel;
import org.switchboard.desktop.ui.DemoViewModels;
import org.switchboard.desktop.ui.UiThread;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageStatus;
import org.switchboard.protocol.model.TypingState;

/** The chat and main view models driven without JavaFX, against the real core and demo server. */
class ChatViewModelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path profileDir;

    private DemoViewModels demo;
    private SwitchboardCore core;
    private UiThread ui;
    private MainViewModel main;

    @BeforeEach
    void start() throws Exception {
        demo = DemoViewModels.start(profileDir);
        core = demo.core();
        ui = demo.ui();
        main = demo.main();
    }

    @AfterEach
    void stop() throws Exception {
        demo.close();
    }


    private Person person(String handle) {
        return demo.person(handle);
    }

    private Optional<Person> find(String handle) {
        return demo.find(handle);
    }

    @Test
    void sendingShowsTheMessageAtOnceThenItsTicksThenTheReply() {
        Person echo = person("echo");
        ChatViewModel chat = ui.call(() -> main.openConversation(echo));

        boolean sent = ui.call(() -> {
            chat.input().set("ping 1");
            return chat.send();
        });

        assertThat(sent).isTrue();
        assertThat(ui.call(() -> chat.input().get())).isEmpty();
        await().atMost(WAIT).until(() -> ui.call(() -> chat.messages().stream()
                .anyMatch(m -> m.body().equals("Echo: ping 1") && m.direction() == Direction.INCOMING)));
        List<StoredMessage> shown = ui.call(() -> List.copyOf(chat.messages()));
        StoredMessage mine = shown.stream().filter(m -> m.body().equals("ping 1")).findFirst().orElseThrow();
        assertThat(shown.indexOf(mine)).isLessThan(shown.size() - 1);
        await().atMost(WAIT).until(() -> ui.call(() -> chat.messages().stream()
                .filter(m -> m.body().equals("ping 1")).anyMatch(m -> m.status() == MessageStatus.READ)));
    }

    @Test
    void aReplyInAClosedConversationCountsAsUnreadUntilItIsOpened() throws Exception {
        Person echo = person("echo");
        core.conversations().send(echo.conversation(), "are you there?").get();

        await().atMost(WAIT).until(() -> ui.call(() -> find("echo").map(Person::unread).orElse(0) == 1));

        ui.call(() -> main.openConversation(find("echo").orElseThrow()));
        await().atMost(WAIT).until(() -> ui.call(() -> find("echo").map(Person::unread).orElse(-1) == 0));
    }

    @Test
    void blankInputSendsNothing() {
        Person peer = person("echo");
        ChatViewModel chat = ui.call(() -> main.openConversation(peer));
        assertThat(ui.call(() -> {
            chat.input().set("   \n ");
            return chat.send();
        })).isFalse();
    }

    @Test
    void thePeerTypingIsShownWhileTheBotWrites() {
        Person peer = person("xiaoming");
        ChatViewModel chat = ui.call(() -> main.openConversation(peer));
        ui.run(() -> {
            chat.input().set("你好");
            chat.send();
        });
        await().atMost(WAIT).until(() -> ui.call(() -> chat.peerTyping().get() == TypingState.COMPOSING));
        await().atMost(WAIT).until(() -> ui.call(() -> chat.messages().stream()
                .anyMatch(m -> m.direction() == Direction.INCOMING && m.body().codePoints()
                        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))));
        assertThat(ui.call(() -> chat.peerTyping().get())).isEqualTo(TypingState.IDLE);
    }

    @Test
    void theFilterFindsPeopleByNameInAnyScript() {
        person("xiaoming");
        person("echo");
        ui.run(() -> main.roster().filter().set("ECH"));
        assertThat(ui.call(() -> main.roster().visiblePeople().stream()
                .map(p -> p.preferredContact().address().handle()).toList())).containsExactly("echo");
        ui.run(() -> main.roster().filter().set(""));
        assertThat(ui.call(() -> main.roster().visiblePeople().size())).isGreaterThanOrEqualTo(2);
    }
}
