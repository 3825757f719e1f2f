package org.switchboard.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void shortTextIsOnePart() {
        assertThat(TextSplitter.split("hello", 100)).containsExactly("hello");
    }

    @Test
    void cutsAtWhitespaceWhenThereIsSome() {
        assertThat(TextSplitter.split("one two three four", 9)).containsExactly("one two", "three", "four");
    }

    @Test
    void cutsChineseTextAtCodePointsWithinTheLimit() {
        String text = "你好世界".repeat(10);

        List<String> parts = TextSplitter.split(text, 10);

        assertThat(parts).allSatisfy(p ->
                assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10));
        assertThat(parts.getFirst()).isEqualTo("你好世");
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "😀😀😀";

        assertThat(TextSplitter.split(text, 5)).containsExactly("😀", "😀", "😀");
    }

    @Test
    void refusesALimitBelowOneCodePoint() {
        assertThatThrownBy(() -> TextSplitter.split("x", 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
