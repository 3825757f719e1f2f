package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

class HistoryExportTest {

    @TempDir
    Path dir;

    private HistoryStore history;
    private final ConversationId ann = new ConversationId(new ContactAddress(new AccountId("acc"), "ann"));
    private final ConversationId wu = new ConversationId(new ContactAddress(new AccountId("acc"), "wu"));

    @BeforeEach
    void open() throws Exception {
        history = HistoryStore.open(dir.resolve("history.db"));
    }

    @AfterEach
    void close() {
        history.close();
    }

    private List<StoredMessage> fill(ConversationId c, int count, String prefix) {
        List<StoredMessage> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean out = i % 2 == 0;
            batch.add(new StoredMessage(0, c, new MessageId(prefix + "-c" + i, out ? null : prefix + "-n" + i),
                    out ? Direction.OUTGOING : Direction.INCOMING, prefix + " <b>&</b> \"line\" " + i + "\n第二行",
                    Instant.ofEpochMilli(1_000L * i), out ? MessageStatus.SENT : MessageStatus.READ, null));
        }
        history.addAll(batch).join();
        return batch;
    }

    @Test
    void theJsonExportOfAConversationHoldsEveryMessageWithItsIdsAndStatus() throws Exception {
        List<StoredMessage> written = fill(ann, 1_500, "ann");
        fill(wu, 20, "wu");
        Path target = dir.resolve("out/ann.json");

        ExportJob.Result result = history.export(ExportRequest.of(ann, ExportFormat.JSON, target), (d, t) -> { })
                .done().get(30, TimeUnit.SECONDS);

        assertThat(result.messages()).isEqualTo(1_500);
        JsonNode root = new ObjectMapper().readTree(target.toFile());
        assertThat(root.get("format").asText()).isEqualTo("switchboard-history");
        JsonNode messages = root.get("messages");
        assertThat(messages.size()).isEqualTo(1_500);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            StoredMessage original = written.get(i);
            assertThat(m.get("clientId").asText()).isEqualTo(original.id().clientId());
            assertThat(m.get("networkId").isNull() ? null : m.get("networkId").asText())
                    .isEqualTo(original.id().networkId());
            assertThat(m.get("body").asText()).isEqualTo(original.body());
            assertThat(m.get("status").asText()).isEqualTo(original.status().name());
            assertThat(m.get("direction").asText()).isEqualTo(original.direction().name());
            assertThat(Instant.parse(m.get("timestamp").asText())).isEqualTo(original.timestamp());
            assertThat(m.get("peer").asText()).isEqualTo("ann");
            ids.add(m.get("seq").asText());
        }
        assertThat(ids).hasSize(1_500);
    }

    @Test
    void htmlAndTextExportsOfEverythingHoldEveryConversationEscaped() throws Exception {
        fill(ann, 3, "ann");
        fill(wu, 2, "wu");

        Path html = dir.resolve("all.html");
        history.export(ExportRequest.everything(ExportFormat.HTML, html), (d, t) -> { }).done().join();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("ann &lt;b&gt;&amp;&lt;/b&gt; &quot;line&quot; 2").contains("wu &lt;b&gt;")
                .contains("第二行").doesNotContain("<script").doesNotContain("<b>");

        Path text = dir.resolve("all.txt");
        history.export(ExportRequest.everything(ExportFormat.TEXT, text), (d, t) -> { }).done().join();
        assertThat(Files.readAllLines(text)).contains("== ann (acc) ==", "== wu (acc) ==", "    第二行")
                .anyMatch(l -> l.endsWith("-> ann <b>&</b> \"line\" 0"));
    }

    @Test
    void aFailedExportLeavesNoFile() throws Exception {
        fill(ann, 2_000, "ann");
        Path target = dir.resolve("big.json");

        ExportJob job = history.export(ExportRequest.everything(ExportFormat.JSON, target), (done, all) -> {
            throw new IllegalStateException("the listener failed");
        });

        assertThat(job.done()).failsWithin(Duration.ofSeconds(30));
        assertThat(target).doesNotExist();
        assertThat(target.resolveSibling("big.json.part")).doesNotExist();
    }

    @Test
    void cancelEndsTheExportWithACancellation() throws Exception {
        fill(ann, 20_000, "ann");
        Path target = dir.resolve("cancelled.html");
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        ExportJob[] job = new ExportJob[1];
        job[0] = history.export(ExportRequest.everything(ExportFormat.HTML, target), (done, all) -> {
            first.countDown();
            try {
                // Hold the export at its first report until the test has cancelled it.
                cancelled.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
        job[0].cancel();
        cancelled.countDown();

        assertThat(job[0].done()).failsWithin(Duration.ofSeconds(30));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> job[0].done().join())
                .isInstanceOf(CancellationException.class);
        assertThat(target).doesNotExist();
        assertThat(target.resolveSibling("cancelled.html.part")).doesNotExist();
    }

    @Test
    void progressIsReportedUpToTheTotal() throws Exception {
        fill(ann, 5_000, "ann");
        List<long[]> reports = java.util.Collections.synchronizedList(new ArrayList<>());

        history.export(ExportRequest.everything(ExportFormat.TEXT, dir.resolve("p.txt")),
                (done, all) -> reports.add(new long[] {done, all})).done().join();

        assertThat(reports.getFirst()).containsExactly(0, 5_000);
        assertThat(reports.getLast()).containsExactly(5_000, 5_000);
    }
}
