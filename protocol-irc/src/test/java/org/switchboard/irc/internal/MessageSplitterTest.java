package org.switchboard.irc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    @Test
    void chineseTextIsCutBetweenCharactersAndComesBackWhole() {
        String body = "即時通訊讓世界更近。".repeat(100);
        List<String> pieces = MessageSplitter.split(body, 400);

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(body);
        for (String piece : pieces) {
            byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(400);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(piece);
        }
    }

    @Test
    void wordsAreKeptWholeWhereASpaceFits() {
        String body = "supercalifragilistic expialidocious ".repeat(40).strip();
        List<String> pieces = MessageSplitter.split(body, 100);

        assertThat(pieces).allSatisfy(p -> {
            assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(100);
            assertThat(p).doesNotStartWith(" ").doesNotEndWith(" ");
        });
        assertThat(String.join(" ", pieces)).isEqualTo(body);
    }

    @Test
    void surrogatePairsAndUnbrokenTextAreNeverCutInHalf() {
        String body = "😀".repeat(50) + "x".repeat(300);
        List<String> pieces = MessageSplitter.split(body, 30);
        assertThat(String.join("", pieces)).isEqualTo(body);
        assertThat(pieces).allSatisfy(p -> {
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
            assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(30);
        });
    }

    @Test
    void lineBreaksStartNewPiecesAndBlankLinesAreDropped() {
        assertThat(MessageSplitter.split("one\r\ntwo\n\n  \nthree", 100)).containsExactly("one", "two", "three");
        assertThat(MessageSplitter.split("short", 100)).containsExactly("short");
        assertThatThrownBy(() -> MessageSplitter.split("x", 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
