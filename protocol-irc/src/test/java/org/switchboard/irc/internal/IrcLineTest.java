package org.switchboard.irc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IrcLineTest {

    @Test
    void splitsTagsSourceCommandAndTrailingParameter() {
        IrcLine line = IrcLine.parse("@time=2026-11-24T19:30:00.123Z;msgid=abc\\:d\\se;+draft/x :alice!~a@host.example"
                + " privmsg #chan :hello :) world");

        assertThat(line.tags()).containsEntry("time", "2026-11-24T19:30:00.123Z")
                .containsEntry("msgid", "abc;d e").containsEntry("+draft/x", "");
        assertThat(line.source()).isEqualTo("alice!~a@host.example");
        assertThat(line.sourceNick()).isEqualTo("alice");
        assertThat(line.sourceAddress()).isEqualTo("~a@host.example");
        assertThat(line.sourceHost()).isEqualTo("host.example");
        assertThat(line.command()).isEqualTo("PRIVMSG");
        assertThat(line.params()).containsExactly("#chan", "hello :) world");
    }

    @Test
    void numericsAndServerSourcesHaveNoUserAddress() {
        IrcLine line = IrcLine.parse(":irc.example 005 me PREFIX=(ov)@+ CASEMAPPING=ascii :are supported");
        assertThat(line.isNumeric()).isTrue();
        assertThat(line.sourceAddress()).isNull();
        assertThat(line.params()).containsExactly("me", "PREFIX=(ov)@+", "CASEMAPPING=ascii", "are supported");
        assertThat(IrcLine.parse("PING :token").last()).isEqualTo("token");
    }

    @Test
    void malformedLinesBecomeEmptyCommandsInsteadOfFailing() {
        for (String hostile : List.of("", "   ", "@", "@only-tags", ":", ":only-a-source", "@a=b :src", "\u0000\u0001",
                ":x 353", ":x 005 :", "@;;;= :s CMD")) {
            IrcLine line = IrcLine.parse(hostile);
            assertThat(line.param(5)).isEmpty();
            assertThat(line.last()).isNotNull();
        }
        assertThat(IrcLine.parse(":only-a-source").command()).isEmpty();
        assertThat(IrcLine.parse("@only-tags").command()).isEmpty();
        assertThat(IrcLine.parse(":x 353").params()).isEmpty();
    }
}
