package dev.nbo.experiments.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for {@code m} p-values, which controls the family-wise error rate without assuming
 * independence. With the p-values sorted ascending, {@code p_(1) <= ... <= p_(m)},
 * <pre>
 *   adjusted_(i) = min(1, max over j <= i of (m - j + 1) p_(j))
 * </pre>
 * The running maximum keeps the adjusted values in the same order as the raw ones (monotone); the result comes back
 * in the input order. A comparison is significant at level alpha when its adjusted p-value is below alpha.
 */
public final class Holm {
    private Holm() {
    }

    public static double[] adjust(double[] pValues) {
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1], got " + Arrays.toString(pValues));
            }
        }
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double runningMax = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = order[rank];
            runningMax = Math.max(runningMax, Math.min(1, (m - rank) * pValues[index]));
            adjusted[index] = runningMax;
        }
        return adjusted;
    }
}
