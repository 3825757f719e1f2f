package org.switchboard.irc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseMappingTest {

    @Test
    void foldsAsEachServerMappingSays() {
        assertThat(CaseMapping.of("rfc1459").fold("Nick[A]\\^~")).isEqualTo("nick{a}|~~");
        assertThat(CaseMapping.of("strict-rfc1459").fold("Nick[A]\\^")).isEqualTo("nick{a}|^");
        assertThat(CaseMapping.of("ascii").fold("Nick[A]\\^")).isEqualTo("nick[a]\\^");
        assertThat(CaseMapping.of(null)).isEqualTo(CaseMapping.RFC1459);
        assertThat(CaseMapping.of("rfc7613")).isEqualTo(CaseMapping.RFC1459);
    }
}
