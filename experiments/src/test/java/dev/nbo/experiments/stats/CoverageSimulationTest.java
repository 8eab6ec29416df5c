package dev.nbo.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations: across 200 experiments with a known injected lift, the 95% interval for the absolute lift
 * must contain the true lift in about 95% of them (91% to 98.5% allows for the binomial noise of 200 runs).
 */
class CoverageSimulationTest {
    private static final int RUNS = 200;
    private static final int UNITS_PER_ARM = 5_000;

    @Test
    void twoProportionIntervalCoversTheTrueLift() {
        SplittableRandom random = new SplittableRandom(20_240_501);
        int covered = 0;
        for (int run = 0; run < RUNS; run++) {
            long control = successes(random, 0.10);
            long treatment = successes(random, 0.12);
            LiftEstimate estimate = TwoProportionTest.test(control, UNITS_PER_ARM, treatment, UNITS_PER_ARM, 0.95);
            if (estimate.absoluteInterval().contains(0.02)) {
                covered++;
            }
        }
        assertThat(covered / (double) RUNS).isBetween(0.91, 0.985);
    }

    @Test
    void welchIntervalCoversTheTrueLiftWithUnequalVariances() {
        SplittableRandom random = new SplittableRandom(77);
        int covered = 0;
        for (int run = 0; run < RUNS; run++) {
            SampleMoments control = normalSample(random, 20.0, 6.0);
            SampleMoments treatment = normalSample(random, 20.5, 9.0);
            if (WelchTest.test(control, treatment, 0.95).absoluteInterval().contains(0.5)) {
                covered++;
            }
        }
        assertThat(covered / (double) RUNS).isBetween(0.91, 0.985);
    }

    @Test
    void withNoTrueLiftAboutFivePercentOfTestsAreSignificant() {
        SplittableRandom random = new SplittableRandom(5);
        int significant = 0;
        for (int run = 0; run < RUNS; run++) {
            long control = successes(random, 0.10);
            long treatment = successes(random, 0.10);
            if (TwoProportionTest.test(control, UNITS_PER_ARM, treatment, UNITS_PER_ARM, 0.95).pValue() < 0.05) {
                significant++;
            }
        }
        assertThat(significant / (double) RUNS).isBetween(0.015, 0.09);
    }

    private static long successes(SplittableRandom random, double rate) {
        long count = 0;
        for (int i = 0; i < UNITS_PER_ARM; i++) {
            if (random.nextDouble() < rate) {
                count++;
            }
        }
        return count;
    }

    private static SampleMoments normalSample(SplittableRandom random, double mean, double sd) {
        RunningMoments moments = new RunningMoments();
        for (int i = 0; i < UNITS_PER_ARM; i++) {
            moments.add(mean + sd * gaussian(random));
        }
        return moments.moments();
    }

    /** Box-Muller: SplittableRandom has no nextGaussian on Java 17. */
    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
