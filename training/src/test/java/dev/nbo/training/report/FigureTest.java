package dev.nbo.training.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FigureTest {
    private static final String DASH = "\u2013";

    @Test
    void unknownValuesReadAsADashInEveryFormat() {
        for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Figure figure = new Figure(value);
            assertThat(figure.known()).isFalse();
            assertThat(figure.decimal(3)).isEqualTo(DASH);
            assertThat(figure.percent(1)).isEqualTo(DASH);
            assertThat(figure.rate()).isEqualTo(DASH);
            assertThat(figure.signedPercent()).isEqualTo(DASH);
            assertThat(figure.count()).isEqualTo(DASH);
            assertThat(figure.seconds()).isEqualTo(DASH);
            assertThat(figure.plain()).isEqualTo(DASH);
        }
    }

    @Test
    void ratesKeepThreeSignificantDigitsSoThatTinyRatesStayDistinct() {
        assertThat(new Figure(0.0009).rate()).isEqualTo("0.0900%");
        assertThat(new Figure(0.0156).rate()).isEqualTo("1.56%");
        assertThat(new Figure(0.0655).rate()).isEqualTo("6.55%");
        assertThat(new Figure(0).rate()).isEqualTo("0%");
    }

    @Test
    void liftsCarryTheirSignWithATrueMinus() {
        assertThat(new Figure(0.41463).signedPercent()).isEqualTo("+41.5%");
        assertThat(new Figure(-0.0732).signedPercent()).isEqualTo("\u22127.3%");
    }

    @Test
    void plainNumbersAreIntegersShortDecimalsOrScientific() {
        assertThat(new Figure(200).plain()).isEqualTo("200");
        assertThat(new Figure(0.1).plain()).isEqualTo("0.1");
        assertThat(new Figure(820.0).plain()).isEqualTo("820");
        assertThat(new Figure(0.123456).plain()).isEqualTo("0.1235");
        assertThat(new Figure(3.1e-7).plain()).isEqualTo("3.1e\u22127");
        assertThat(new Figure(1e-5).plain()).isEqualTo("1e\u22125");
        assertThat(new Figure(-2.5).plain()).isEqualTo("\u22122.5");
    }

    @Test
    void countsAndSecondsAreGroupedAndRounded() {
        assertThat(new Figure(45851).count()).isEqualTo("45,851");
        assertThat(new Figure(12.44).seconds()).isEqualTo("12.4 s");
        assertThat(new Figure(0.58).decimal(3)).isEqualTo("0.580");
        assertThat(new Figure(0.412).percent(1)).isEqualTo("41.2%");
    }
}
