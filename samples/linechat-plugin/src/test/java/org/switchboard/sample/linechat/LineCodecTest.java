package org.switchboard.sample.linechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineCodecTest {

    @Test
    void escapedTextHasNoLineBreaksAndComesBackUnchanged() {
        String text = "line one\nline two\r\n a backslash \\ and \\n literally, 中文";

        String escaped = LineCodec.escape(text);

        assertThat(escaped).doesNotContain("\n").doesNotContain("\r");
        assertThat(LineCodec.unescape(escaped)).isEqualTo(text);
    }
}
