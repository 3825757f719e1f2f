package org.switchboard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/** Full-text search on a real database file: languages, user input that looks like syntax, filters. */
class HistorySearchTest {

    @TempDir
    Path dir;

    private HistoryStore history;
    private final AccountId work = new AccountId("work");
    private final AccountId home = new AccountId("home");
    private final ConversationId bob = new ConversationId(new ContactAddress(work, "bob"));
    private final ConversationId mei = new ConversationId(new ContactAddress(home, "mei"));

    @BeforeEach
    void open() throws IOException {
        history = HistoryStore.open(dir.resolve("history.db"));
        add(bob, "a1", "The meeting moved to Tuesday", 1_000);
        add(bob, "a2", "Café au lait at the naïve coffee shop?", 2_000);
        add(mei, "b1", "我们明天下午开会讨论项目", 3_000);
        add(mei, "b2", "這是一個即時通訊軟體", 4_000);
        add(mei, "b3", "release 版本 v2 已经发布了", 5_000);
        add(bob, "a3", "He said \"AND NOT\" (twice): -maybe* NEAR the end", 6_000);
        add(mei, "b4", "インスタントメッセージを送ります", 7_000);
    }

    @AfterEach
    void close() {
        history.close();
    }

    private void add(ConversationId c, String id, String body, long time) {
        history.add(new StoredMessage(0, c, MessageId.of(id), Direction.INCOMING, body,
                Instant.ofEpochMilli(time), MessageStatus.DELIVERED, null)).join();
    }

    private List<String> bodies(String text) {
        return history.search(SearchQuery.of(text)).join().stream().map(h -> h.message().body()).toList();
    }

    private List<String> highlighted(String text) {
        SearchHit hit = history.search(SearchQuery.of(text)).join().getFirst();
        return hit.highlights().stream().map(r -> hit.message().body().substring(r.start(), r.end())).toList();
    }

    @Test
    void findsEnglishWordsWhateverTheirCaseNewestFirst() {
        assertThat(bodies("MEETING ")).containsExactly("The meeting moved to Tuesday");
        assertThat(bodies("the ")).containsExactly("He said \"AND NOT\" (twice): -maybe* NEAR the end",
                "Café au lait at the naïve coffee shop?", "The meeting moved to Tuesday");
        assertThat(highlighted("meeting")).containsExactly("meeting");
    }

    @Test
    void theWordStillBeingTypedMatchesAsAPrefix() {
        assertThat(bodies("meet")).containsExactly("The meeting moved to Tuesday");
        assertThat(highlighted("tues")).containsExactly("Tuesday");
        assertThat(bodies("meet ")).isEmpty();
    }

    @Test
    void diacriticsAreIgnoredBothWays() {
        assertThat(bodies("cafe ")).containsExactly("Café au lait at the naïve coffee shop?");
        assertThat(bodies("naïve ")).containsExactly("Café au lait at the naïve coffee shop?");
        assertThat(bodies("NAIVE ")).containsExactly("Café au lait at the naïve coffee shop?");
        assertThat(highlighted("cafe ")).containsExactly("Café");
    }

    @Test
    void findsSimplifiedChineseBySubstringOfAnyLength() {
        assertThat(bodies("开会")).containsExactly("我们明天下午开会讨论项目");
        assertThat(bodies("明天下午")).containsExactly("我们明天下午开会讨论项目");
        assertThat(bodies("讨")).containsExactly("我们明天下午开会讨论项目");
        assertThat(highlighted("天下午开")).containsExactly("天下午开");
        assertThat(bodies("下明天")).isEmpty();
    }

    @Test
    void findsTraditionalChineseBySubstring() {
        assertThat(bodies("通訊")).containsExactly("這是一個即時通訊軟體");
        assertThat(bodies("即時通訊")).containsExactly("這是一個即時通訊軟體");
        assertThat(highlighted("通訊")).containsExactly("通訊");
        // Simplified and Traditional are different characters; neither finds the other.
        assertThat(bodies("通讯")).isEmpty();
    }

    @Test
    void findsJapaneseKanaBySubstring() {
        assertThat(bodies("メッセージ")).containsExactly("インスタントメッセージを送ります");
    }

    @Test
    void mixedTextNeedsEveryTermAndQuotesKeepAPhrase() {
        assertThat(bodies("release 版本")).containsExactly("release 版本 v2 已经发布了");
        assertThat(bodies("版本 release")).containsExactly("release 版本 v2 已经发布了");
        assertThat(bodies("\"版本 release\"")).isEmpty();
        assertThat(bodies("\"moved to\"")).containsExactly("The meeting moved to Tuesday");
        assertThat(bodies("release 会议")).isEmpty();
        assertThat(highlighted("release 版本")).containsExactly("release", "版本");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"\"", "\"AND NOT\"", "AND", "NOT", "OR", "NEAR", "NEAR(", "-maybe*",
        "(twice):", "*", ":", "^", "a:b", "said AND", "col:said", "{body}", "'", "\\", "%_", ")(", "NEAR/2",
        "\u0000", "😀", "   "})
    void whatAUserTypesNeverRaisesAnError(String typed) {
        assertThat(history.search(SearchQuery.of(typed))).succeedsWithin(java.time.Duration.ofSeconds(10));
    }

    @Test
    void operatorsAndPunctuationAreSearchedAsText() {
        String odd = "He said \"AND NOT\" (twice): -maybe* NEAR the end";
        assertThat(bodies("\"AND NOT\"")).containsExactly(odd);
        assertThat(bodies("NEAR ")).containsExactly(odd);
        assertThat(bodies("-maybe*")).containsExactly(odd);
        assertThat(bodies("(twice):")).containsExactly(odd);
        assertThat(bodies("***")).isEmpty();
    }

    @Test
    void filtersByConversationAccountAndTime() {
        assertThat(history.search(SearchQuery.of("the ").inConversations(Set.of(mei))).join()).isEmpty();
        assertThat(history.search(SearchQuery.of("版本").inAccounts(Set.of(work))).join()).isEmpty();
        assertThat(history.search(SearchQuery.of("版本").inAccounts(Set.of(home))).join()).hasSize(1);
        assertThat(history.search(SearchQuery.of("the ")
                .between(Instant.ofEpochMilli(1_500), Instant.ofEpochMilli(6_000))).join())
                .extracting(h -> h.message().body()).containsExactly("Café au lait at the naïve coffee shop?");
        assertThat(history.search(SearchQuery.of("the ").limit(1)).join()).hasSize(1);
    }

    @Test
    void aMessageSeenLiveAndAgainFromTheArchiveIsStoredAndFoundOnce() {
        StoredMessage live = new StoredMessage(0, bob, new MessageId("client-7", "server-7"), Direction.INCOMING,
                "archived zeppelin news", Instant.ofEpochMilli(8_000), MessageStatus.DELIVERED, null);
        assertThat(history.add(live).join()).isPresent();
        StoredMessage fromArchive = new StoredMessage(0, bob, new MessageId("archive-copy", "server-7"),
                Direction.INCOMING, "archived zeppelin news", Instant.ofEpochMilli(8_000), MessageStatus.DELIVERED,
                null);

        assertThat(history.addAll(List.of(fromArchive, live)).join()).isZero();

        assertThat(bodies("zeppelin")).containsExactly("archived zeppelin news");
        assertThat(history.recent(bob, 100).join()).filteredOn(m -> m.body().contains("zeppelin")).hasSize(1);
    }

    @Test
    void aBatchIndexesOnlyWhatItAdded() {
        StoredMessage one = new StoredMessage(0, bob, MessageId.of("n1"), Direction.OUTGOING, "batch kiwi one",
                Instant.ofEpochMilli(9_000), MessageStatus.SENT, null);
        StoredMessage two = new StoredMessage(0, mei, MessageId.of("n2"), Direction.INCOMING, "批量 kiwi 二",
                Instant.ofEpochMilli(9_001), MessageStatus.DELIVERED, null);

        assertThat(history.addAll(List.of(one, two, one)).join()).isEqualTo(2);

        assertThat(bodies("kiwi")).containsExactly("批量 kiwi 二", "batch kiwi one");
        assertThat(bodies("批量")).containsExactly("批量 kiwi 二");
    }

    @Test
    void snippetsKeepTheHighlightInsideTheCutText() {
        add(bob, "long", "x ".repeat(200) + "needle " + "y ".repeat(200), 10_000);
        SearchHit hit = history.search(SearchQuery.of("needle")).join().getFirst();

        SearchHit.Snippet snippet = hit.snippet(60);

        assertThat(snippet.text()).hasSizeLessThanOrEqualTo(61).contains("needle");
        assertThat(snippet.cutBefore()).isTrue();
        assertThat(snippet.cutAfter()).isTrue();
        TextRange r = snippet.highlights().getFirst();
        assertThat(snippet.text().substring(r.start(), r.end())).isEqualTo("needle");
    }

    @Test
    void aroundReturnsTheMessageWithItsNeighboursOldestFirst() {
        for (int i = 0; i < 30; i++) {
            add(bob, "n" + i, "number " + i, 20_000 + i);
        }
        long seq = history.search(SearchQuery.of("number 15")).join().stream()
                .filter(h -> h.message().body().equals("number 15")).findFirst().orElseThrow().message().seq();

        List<StoredMessage> around = history.around(bob, seq, 3, 2).join();

        assertThat(around).extracting(StoredMessage::body)
                .containsExactly("number 12", "number 13", "number 14", "number 15", "number 16", "number 17");
    }
}
