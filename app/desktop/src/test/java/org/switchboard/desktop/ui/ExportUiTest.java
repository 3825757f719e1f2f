package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.Test;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.history.ExportFormat;
import org.switchboard.core.history.HistoryStore;
import org.switchboard.core.profile.Profile;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/**
 * Exporting 100,000 messages from the History menu shows its progress and can be cancelled,
 * leaving no file. The export's partial file is made a named pipe that this test reads: while
 * the test holds back, the export cannot run ahead, so Cancel is pressed while it is surely
 * under way rather than racing its end.
 */
class ExportUiTest extends AppUiTest {

    private static final int MESSAGES = 100_000;

    @Test
    void aLargeExportShowsProgressAndCancelLeavesNoFile() throws Exception {
        fillHistory();
        Path target = profile.resolve("everything.json");
        Path partial = profile.resolve("everything.json.part");
        Process mkfifo = new ProcessBuilder("mkfifo", partial.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
        PipeReader reader = new PipeReader(partial);

        launch("--demo", "off", "--language", "en");
        robot.clickOn("History").clickOn("Export…");
        until(10, () -> robot.lookup("#exportDialog").tryQuery().isPresent());
        robot.clickOn("#exportEverything");
        onFx(() -> {
            robot.lookup("#exportFormat").queryAs(ChoiceBox.class).setValue(ExportFormat.JSON);
            return null;
        });
        robot.clickOn("#exportFile").write(target.toString());
        robot.clickOn("#exportStart");

        // Let the export write a little at a time until the bar moves; then it is held back.
        long budget = 0;
        while (progress() == 0) {
            budget += 32 * 1024;
            reader.allowUpTo(budget);
            long reached = budget;
            until(30, () -> reader.bytesRead() >= reached);
        }
        double shown = progress();
        assertThat(shown).isGreaterThan(0).isLessThan(1);
        assertThat(reader.bytesRead()).as("far from all of it").isLessThan(MESSAGES * 50L);
        assertThat(onFx(() -> robot.lookup("#exportProgress").query().isVisible())).isTrue();

        robot.clickOn("#exportCancel");
        reader.allowUpTo(Long.MAX_VALUE);

        until(30, () -> robot.lookup("#exportResult").queryLabeled().getText().startsWith("Export cancelled"));
        assertThat(Files.exists(target)).isFalse();
        until(10, () -> !Files.exists(partial));
        assertThat(onFx(() -> robot.lookup("#exportProgress").query().isVisible())).isFalse();
    }

    private double progress() {
        return onFx(() -> robot.lookup("#exportProgress").queryAs(ProgressBar.class).getProgress());
    }

    private void fillHistory() throws Exception {
        AccountId account = new AccountId("export-test");
        List<StoredMessage> batch = new ArrayList<>();
        try (HistoryStore history = HistoryStore.open(Profile.inFolder(profile).historyDatabase())) {
            for (int i = 0; i < MESSAGES; i++) {
                ConversationId c = new ConversationId(new ContactAddress(account, "peer-" + (i % 50)));
                batch.add(new StoredMessage(0, c, MessageId.of("m-" + i), Direction.INCOMING,
                        "message number " + i + " 第" + i + "条", Instant.ofEpochMilli(1_700_000_000_000L + i),
                        MessageStatus.READ, null));
                if (batch.size() == 10_000) {
                    history.addAll(batch).join();
                    batch.clear();
                }
            }
        }
    }

    /** Reads the pipe on its own thread, only as far as it is allowed to. */
    private static final class PipeReader {
        private final AtomicLong read = new AtomicLong();
        private final Semaphore more = new Semaphore(0);
        private volatile long allowed;

        PipeReader(Path pipe) {
            Thread.ofPlatform().daemon(true).name("export-pipe-reader").start(() -> drain(pipe));
        }

        void allowUpTo(long bytes) {
            allowed = bytes;
            more.release();
        }

        long bytesRead() {
            return read.get();
        }

        private void drain(Path pipe) {
            byte[] buffer = new byte[4096];
            try (InputStream in = Files.newInputStream(pipe)) {
                while (true) {
                    while (read.get() >= allowed) {
                        more.acquire();
                    }
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, allowed - read.get()));
                    if (n < 0) {
                        return;
                    }
                    read.addAndGet(n);
                }
            } catch (IOException | InterruptedException e) {
                // The export closed its end: nothing more to read.
            }
        }
    }
}
