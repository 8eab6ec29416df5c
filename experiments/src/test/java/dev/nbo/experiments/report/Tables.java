package dev.nbo.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Hand-made and seeded unit tables for the report tests. */
final class Tables {
    private Tables() {
    }

    /** {@code n} units of one arm, the first {@code clicks} with click 1, revenue {@code revenue[i % length]}. */
    static List<Unit> arm(String arm, int n, int clicks, double... revenue) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(new Unit(arm, new double[] {i < clicks ? 1 : 0, revenue[i % revenue.length]}, Double.NaN,
                    Unit.NO_TIME));
        }
        return units;
    }

    @SafeVarargs
    static UnitTable clickAndRevenue(List<Unit>... arms) {
        List<Unit> units = new ArrayList<>();
        for (List<Unit> arm : arms) {
            units.addAll(arm);
        }
        return new UnitTable(List.of("click", "revenue"), Set.of("click"), units);
    }

    /**
     * A seeded two-arm experiment with a pre-period covariate: X ~ N(10, 3), revenue = 5 + 2 X + N(0, 3) plus
     * {@code lift} in the treatment arm; one unit a minute from 2025-03-01.
     */
    static UnitTable withCovariate(long seed, int unitsPerArm, double lift) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Unit> units = new ArrayList<>();
        long start = 1_740_787_200_000_000L;
        for (int i = 0; i < 2 * unitsPerArm; i++) {
            boolean treatment = i % 2 == 1;
            double x = 10 + 3 * gaussian(random);
            double y = 5 + 2 * x + 3 * gaussian(random) + (treatment ? lift : 0);
            units.add(new Unit(treatment ? "model" : "control", new double[] {y}, x, start + i * 60_000_000L));
        }
        return new UnitTable(List.of("revenue"), Set.of(), units);
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
