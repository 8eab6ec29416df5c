package dev.nbo.training.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizationTest {
    private static final double NAN = Double.NaN;

    /** spend: 1, 2, 3 and one missing; consent: constant 1; rate: constant 0.1, which no double holds exactly. */
    private static final CustomerTable TABLE = new CustomerTable(List.of("a", "b", "c", "d"),
            List.of("spend", "consent", "rate"),
            new double[][] {{1, 1, 0.1}, {2, 1, 0.1}, {3, 1, 0.1}, {NAN, 1, 0.1}});

    @Test
    void usesThePopulationMeanAndStdOfThePresentValues() {
        Standardization s = Standardization.fit(TABLE);

        assertThat(s.means()[0]).isEqualTo(2.0);
        assertThat(s.stds()[0]).isCloseTo(Math.sqrt(2.0 / 3.0), within(1e-15));
    }

    @Test
    void aConstantFeatureHasStdOneSoItStaysZeroAfterStandardising() {
        Standardization s = Standardization.fit(TABLE);

        assertThat(s.means()[1]).isEqualTo(1.0);
        assertThat(s.stds()[1]).isEqualTo(1.0);
        assertThat(s.stds()[2]).isEqualTo(1.0);
        assertThat(s.apply(TABLE.row(0))[2]).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void aMissingValueBecomesTheMean() {
        Standardization s = Standardization.fit(TABLE);

        double[] z = s.apply(new double[] {NAN, 1, 0.1});
        assertThat(z[0]).isEqualTo(0.0);
        assertThat(s.apply(new double[] {3, 1, 0.1})[0]).isCloseTo(1 / Math.sqrt(2.0 / 3.0), within(1e-12));
    }

    @Test
    void refusesAFeatureMissingForEveryCustomer() {
        CustomerTable empty = new CustomerTable(List.of("a", "b"), List.of("spend", "opens"),
                new double[][] {{1, NAN}, {2, NAN}});

        assertThatThrownBy(() -> Standardization.fit(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature opens is missing for all 2 customers; leave it out of the segment features");
    }

    @Test
    void refusesATableWithOtherFeatures() {
        Standardization s = Standardization.fit(TABLE);

        assertThatThrownBy(() -> s.apply(TABLE.select(List.of("rate", "spend", "consent"))))
                .hasMessage("the table's features [rate, spend, consent] are not the standardised features "
                        + "[spend, consent, rate]; select them first");
    }

    @Test
    void refusesANonPositiveStd() {
        assertThatThrownBy(() -> new Standardization(List.of("spend"), new double[] {1}, new double[] {0}))
                .hasMessage("feature spend has mean 1.0 and std 0.0; the mean must be finite and the std finite and "
                        + "positive");
    }
}
