package dev.nbo.training.segment;

import java.util.Arrays;
import java.util.List;

/**
 * The z-score that puts every feature on one scale before k-means: {@code z = (x - mean) / std}, and a missing value
 * becomes {@code z = 0}, i.e. it is imputed with the mean. The ONNX segment graph does exactly this with the same
 * arrays, so a customer lands in the same segment in training and in serving.
 *
 * <p>Means and standard deviations are population figures over the non-missing values of each feature. A feature
 * whose standard deviation is (numerically) zero gets {@code std = 1}: it is constant, carries no information, and
 * dividing by a rounding residue would turn that constant into noise of unit size.
 *
 * @param featureNames the columns, in model order
 * @param means        one mean per feature, in original units
 * @param stds         one positive standard deviation per feature, in original units
 */
public record Standardization(List<String> featureNames, double[] means, double[] stds) {
    /** Relative size below which a standard deviation is taken for rounding residue of a constant column. */
    private static final double CONSTANT_TOLERANCE = 1e-12;

    public Standardization {
        featureNames = List.copyOf(featureNames);
        if (means.length != featureNames.size() || stds.length != featureNames.size()) {
            throw new IllegalArgumentException("a standardisation needs one mean and one std per feature: "
                    + featureNames.size() + " features, " + means.length + " means, " + stds.length + " stds");
        }
        for (int f = 0; f < means.length; f++) {
            if (!Double.isFinite(means[f]) || !Double.isFinite(stds[f]) || stds[f] <= 0) {
                throw new IllegalArgumentException("feature " + featureNames.get(f) + " has mean " + means[f]
                        + " and std " + stds[f] + "; the mean must be finite and the std finite and positive");
            }
        }
        means = means.clone();
        stds = stds.clone();
    }

    /** Fits means and standard deviations to every column of the table. */
    public static Standardization fit(CustomerTable table) {
        int features = table.featureCount();
        double[] means = new double[features];
        double[] stds = new double[features];
        for (int f = 0; f < features; f++) {
            means[f] = mean(table, f);
            stds[f] = std(table, f, means[f]);
        }
        return new Standardization(table.featureNames(), means, stds);
    }

    private static double mean(CustomerTable table, int column) {
        double sum = 0;
        long count = 0;
        for (int row = 0; row < table.size(); row++) {
            double value = table.value(row, column);
            if (!Double.isNaN(value)) {
                sum += value;
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("feature " + table.featureNames().get(column) + " is missing for all "
                    + table.size() + " customers; leave it out of the segment features");
        }
        return sum / count;
    }

    /** Two passes (mean first, then squared deviations) because the one-pass formula loses digits on money. */
    private static double std(CustomerTable table, int column, double mean) {
        double squares = 0;
        long count = 0;
        for (int row = 0; row < table.size(); row++) {
            double value = table.value(row, column);
            if (!Double.isNaN(value)) {
                squares += (value - mean) * (value - mean);
                count++;
            }
        }
        double std = Math.sqrt(squares / count);
        return std <= CONSTANT_TOLERANCE * Math.max(1.0, Math.abs(mean)) ? 1.0 : std;
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] stds() {
        return stds.clone();
    }

    /** The z-scores of a row in original units; a {@code NaN} (missing) value becomes 0, the mean. */
    public double[] apply(double[] raw) {
        if (raw.length != means.length) {
            throw new IllegalArgumentException("a row has " + raw.length + " values but the segments use "
                    + means.length + " features " + featureNames);
        }
        double[] z = new double[raw.length];
        for (int f = 0; f < raw.length; f++) {
            z[f] = Double.isNaN(raw[f]) ? 0.0 : (raw[f] - means[f]) / stds[f];
        }
        return z;
    }

    /** The z-scores of every row of a table whose columns are these features. */
    public double[][] apply(CustomerTable table) {
        if (!table.featureNames().equals(featureNames)) {
            throw new IllegalArgumentException("the table's features " + table.featureNames()
                    + " are not the standardised features " + featureNames + "; select them first");
        }
        double[][] z = new double[table.size()][];
        for (int row = 0; row < z.length; row++) {
            z[row] = apply(table.row(row));
        }
        return z;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Standardization s && featureNames.equals(s.featureNames)
                && Arrays.equals(means, s.means) && Arrays.equals(stds, s.stds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * featureNames.hashCode() + Arrays.hashCode(means)) + Arrays.hashCode(stds);
    }

    @Override
    public String toString() {
        return "Standardization" + featureNames;
    }
}
