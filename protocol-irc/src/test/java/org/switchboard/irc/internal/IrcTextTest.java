package org.switchboard.irc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IrcTextTest {

    @Test
    void removesBoldItalicUnderlineStrikeMonospaceReverseAndReset() {
        assertThat(IrcText.strip("\u0002bold\u0002 \u001Ditalic\u001D \u001Funder\u001F \u001Estrike\u001E"
                + " \u0011mono\u0011 \u0016rev\u0016 \u000Freset")).isEqualTo("bold italic under strike mono rev reset");
    }

    @Test
    void removesColoursWithTheirNumbersButKeepsDigitsOfTheText() {
        assertThat(IrcText.strip("\u000304red\u0003 \u00034,12on blue\u0003 \u000312,2025 years")).isEqualTo("red on blue 25 years");
        assertThat(IrcText.strip("\u00031,")).isEqualTo(",");
        assertThat(IrcText.strip("score \u0003 3,4")).isEqualTo("score  3,4");
        assertThat(IrcText.strip("\u0004FF0000,00FF00hex\u0004 colour")).isEqualTo("hex colour");
    }

    @Test
    void removesEveryOtherControlCharacterAndKeepsChinese() {
        String cleaned = IrcText.strip("a\u0001b\u0007c\u001Bd\u007Fe\u0085f 你好\tworld");
        assertThat(cleaned).isEqualTo("abcdef 你好 world");
        assertThat(cleaned.chars().noneMatch(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))).isTrue();
        assertThat(IrcText.strip(null)).isEmpty();
    }
}
