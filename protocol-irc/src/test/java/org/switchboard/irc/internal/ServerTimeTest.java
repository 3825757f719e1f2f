package org.switchboard.irc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerTimeTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void theTimeTagWinsOverTheClock() {
        IrcLine line = IrcLine.parse("@time=2026-11-24T19:30:00.123Z :bob!b@h PRIVMSG #c :hi");
        assertThat(ServerTime.of(line.tags(), NOW)).isEqualTo(Instant.parse("2026-11-24T19:30:00.123Z"));
    }

    @Test
    void aMissingOrBrokenTagFallsBackToTheClock() {
        assertThat(ServerTime.of(Map.of(), NOW)).isEqualTo(NOW);
        assertThat(ServerTime.of(Map.of("time", "yesterday"), NOW)).isEqualTo(NOW);
        assertThat(ServerTime.of(Map.of("time", ""), NOW)).isEqualTo(NOW);
    }
}
