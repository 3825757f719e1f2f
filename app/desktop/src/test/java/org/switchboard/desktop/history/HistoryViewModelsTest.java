package org.switchboard.desktop.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.contact.Person;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.history.ExportFormat;
import org.switchboard.core.history.ExportRequest;
import org.switchboard.core.history.SearchHit;
import org.switchboard.core.history.TextRange;
import org.switchboard.desktop.chat.ChatViewModel;
import org.switchboard.desktop.main.MainViewModel;
import org.switchboard.desktop.ui.DemoViewModels;
import org.switchboard.desktop.ui.UiThread;
import org.switchboard.protocol.model.Direction;

/** Search, open-at-a-message and export view models, without JavaFX, against the real core and demo server. */
class HistoryViewModelsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SENT = "周末一起去爬长城吧";

    @TempDir
    Path profileDir;

    @TempDir
    Path exports;

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


    /** Sends {@link #SENT} to xiaoming and waits for the reply, which quotes it. */
    private Person talkToXiaoming() {
        Person xiaoming = demo.person("xiaoming");
        ChatViewModel chat = ui.call(() -> main.openConversation(xiaoming));
        ui.run(() -> {
            chat.input().set(SENT);
            chat.send();
        });
        await().atMost(WAIT).until(() -> ui.call(() -> chat.messages().stream()
                .anyMatch(m -> m.direction() == Direction.INCOMING && m.body().contains(SENT))));
        return xiaoming;
    }

    private SearchViewModel searchModel() {
        return ui.call(() -> new SearchViewModel(core.history(), ui.bridge(), ZoneId.systemDefault()));
    }

    @Test
    void findsTheMessageAndTheQuotingReplyWithTheMatchMarked() {
        Person xiaoming = talkToXiaoming();
        SearchViewModel search = searchModel();

        ui.run(() -> {
            search.text().set("长城");
            search.search();
        });
        await().atMost(WAIT).until(() -> ui.call(() -> !search.searching().get() && search.results().size() == 2));
        for (SearchHit hit : ui.call(() -> java.util.List.copyOf(search.results()))) {
            TextRange first = hit.highlights().getFirst();
            assertThat(hit.message().body().substring(first.start(), first.end())).isEqualTo("长城");
            assertThat(SearchViewModel.titleOf(hit.message().conversation(),
                    ui.call(() -> java.util.List.copyOf(main.roster().allPeople())))).isEqualTo("xiaoming");
        }

        Person echo = ui.call(() -> main.roster().allPeople().stream()
                .filter(p -> p.displayName().equals("echo")).findFirst().orElseThrow());
        ui.run(() -> {
            search.person().set(echo);
            search.search();
        });
        await().atMost(WAIT).until(() -> ui.call(() -> !search.searching().get() && search.results().isEmpty()));
        ui.run(() -> {
            search.person().set(xiaoming);
            search.search();
        });
        await().atMost(WAIT).until(() -> ui.call(() -> !search.searching().get() && search.results().size() == 2));
    }

    @Test
    void theNewestQueryWinsWhateverOrderTheAnswersArriveIn() throws Exception {
        talkToXiaoming();
        SearchViewModel search = searchModel();

        ui.run(() -> {
            search.text().set("长城");
            search.search();
            search.text().set("长城 nowhere");
            search.search();
        });
        await().atMost(WAIT).until(() -> ui.call(() -> !search.searching().get()));
        // Let any answer still on its way reach the UI thread before looking.
        core.history().search(org.switchboard.core.history.SearchQuery.of("长城")).get();
        ui.run(() -> { });
        assertThat(ui.call(() -> search.results().isEmpty())).isTrue();

        ui.run(() -> {
            search.text().set("长城");
            search.search();
            search.text().set("   ");
            search.search();
        });
        core.history().search(org.switchboard.core.history.SearchQuery.of("长城")).get();
        ui.run(() -> { });
        assertThat(ui.call(() -> search.results().isEmpty() && !search.searching().get())).isTrue();
    }

    @Test
    void openingAtAMessageSelectsIt() {
        Person xiaoming = talkToXiaoming();
        StoredMessage sent = ui.call(() -> main.chats().getFirst().messages().stream()
                .filter(m -> m.body().equals(SENT)).findFirst().orElseThrow());

        ChatViewModel chat = ui.call(() -> main.openAt(xiaoming.conversation(), "xiaoming", sent.seq()));

        await().atMost(WAIT).until(() -> ui.call(() -> chat.revealed().get() != null));
        assertThat(ui.call(() -> chat.revealed().get().seq())).isEqualTo(sent.seq());
        assertThat(ui.call(() -> main.selectedChat().get())).isSameAs(chat);
    }

    @Test
    void anExportReportsItsProgressAndHowManyMessagesItWrote() throws Exception {
        Person xiaoming = talkToXiaoming();
        ExportViewModel export = ui.call(() -> new ExportViewModel(core.history(), ui.bridge()));
        Path target = exports.resolve("xiaoming.json");

        ui.run(() -> export.start(ExportRequest.of(xiaoming.conversation(), ExportFormat.JSON, target)));

        await().atMost(WAIT).until(() -> ui.call(() -> export.outcome().get() != null));
        ExportViewModel.Outcome outcome = ui.call(() -> export.outcome().get());
        assertThat(outcome).isInstanceOf(ExportViewModel.Outcome.Done.class);
        assertThat(((ExportViewModel.Outcome.Done) outcome).result().messages()).isGreaterThanOrEqualTo(2);
        assertThat(ui.call(() -> export.progress().get())).isEqualTo(1.0);
        assertThat(ui.call(() -> export.running().get())).isFalse();
        assertThat(Files.readString(target)).contains(SENT);
    }
}
