package dev.nbo.models.rules;

import static dev.nbo.models.rules.MixedNumberEquality.sameNumber;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MixedNumberEqualityTest {
    @Test
    void aDoubleEqualsALongOnlyWhenItIsExactlyThatWholeNumber() {
        assertThat(sameNumber(3.0, 3L)).isTrue();
        assertThat(sameNumber(-0.0, 0L)).isTrue();
        assertThat(sameNumber(3.5, 3L)).isFalse();
        assertThat(sameNumber(0x1p53, (1L << 53) + 1)).as("no rounding of the long").isFalse();
        assertThat(sameNumber(0x1p53, 1L << 53)).isTrue();
        assertThat(sameNumber(0x1p63, Long.MAX_VALUE)).as("2^63 is above every long").isFalse();
        assertThat(sameNumber(-0x1p63, Long.MIN_VALUE)).isTrue();
        assertThat(sameNumber(Double.NaN, 0L)).isFalse();
        assertThat(sameNumber(Double.POSITIVE_INFINITY, Long.MAX_VALUE)).isFalse();
    }
}
