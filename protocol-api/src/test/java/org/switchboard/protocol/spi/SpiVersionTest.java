package org.switchboard.protocol.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpiVersionTest {

    @Test
    void theSameMajorWithAnOlderOrEqualMinorIsCompatible() {
        assertThat(SpiVersion.isCompatible(SpiVersion.CURRENT)).isTrue();
        assertThat(SpiVersion.isCompatible(SpiVersion.MAJOR * 1000)).isTrue();
    }

    @Test
    void anotherMajorOrANewerMinorIsNot() {
        assertThat(SpiVersion.isCompatible((SpiVersion.MAJOR + 1) * 1000)).isFalse();
        assertThat(SpiVersion.isCompatible((SpiVersion.MAJOR - 1) * 1000 + 999)).isFalse();
        assertThat(SpiVersion.isCompatible(SpiVersion.CURRENT + 1)).isFalse();
        assertThat(SpiVersion.format(2003)).isEqualTo("2.3");
    }
}
