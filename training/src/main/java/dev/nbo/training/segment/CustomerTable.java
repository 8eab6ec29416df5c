package dev.nbo.training.segment;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The customers to segment: one row per customer, one column per numeric feature, in original units. {@code NaN}
 * marks a missing value; infinities are refused because no mean or distance survives them.
 *
 * <p>The array is copied on the way in and on the way out, so a table never changes after construction.
 *
 * @param customerIds  one distinct id per row
 * @param featureNames one distinct name per column
 * @param values       {@code values[row][column]}, {@code NaN} = missing
 */
public record CustomerTable(List<String> customerIds, List<String> featureNames, double[][] values) {
    public CustomerTable {
        requireDistinct("customer id", customerIds);
        requireDistinct("feature name", featureNames);
        customerIds = List.copyOf(customerIds);
        featureNames = List.copyOf(featureNames);
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("a customer table needs at least one feature column; name the "
                    + "numeric features to segment by");
        }
        if (customerIds.size() < 2) {
            throw new IllegalArgumentException("a customer table needs at least 2 customers to segment, found "
                    + customerIds.size());
        }
        if (values.length != customerIds.size()) {
            throw new IllegalArgumentException("the table has " + customerIds.size() + " customer ids but "
                    + values.length + " rows of values; give one row per customer");
        }
        values = copyRows(values, featureNames, customerIds);
    }

    private static void requireDistinct(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a " + what + " is empty; every " + what + " must be named");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + what + " '" + name + "'; each may appear once");
            }
        }
    }

    private static double[][] copyRows(double[][] values, List<String> featureNames, List<String> customerIds) {
        double[][] copy = new double[values.length][];
        for (int row = 0; row < values.length; row++) {
            if (values[row] == null || values[row].length != featureNames.size()) {
                int found = values[row] == null ? 0 : values[row].length;
                throw new IllegalArgumentException("customer " + customerIds.get(row) + " has " + found
                        + " values but the table has " + featureNames.size() + " features " + featureNames);
            }
            for (int column = 0; column < featureNames.size(); column++) {
                if (Double.isInfinite(values[row][column])) {
                    throw new IllegalArgumentException("customer " + customerIds.get(row) + " has an infinite "
                            + featureNames.get(column) + "; use NaN for a missing value");
                }
            }
            copy[row] = values[row].clone();
        }
        return copy;
    }

    /** A copy of every row. */
    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int row = 0; row < values.length; row++) {
            copy[row] = values[row].clone();
        }
        return copy;
    }

    public int size() {
        return values.length;
    }

    public int featureCount() {
        return featureNames.size();
    }

    /** A copy of one customer's values, in {@link #featureNames()} order. */
    public double[] row(int row) {
        return values[row].clone();
    }

    public double value(int row, int column) {
        return values[row][column];
    }

    /** The column index of a feature, or an error that lists the columns there are. */
    public int column(String featureName) {
        int column = featureNames.indexOf(featureName);
        if (column < 0) {
            throw new IllegalArgumentException("the customer table has no feature '" + featureName
                    + "'; its features are " + featureNames);
        }
        return column;
    }

    /** The same customers with only the named columns, in the order given. */
    public CustomerTable select(List<String> features) {
        int[] columns = new int[features.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = column(features.get(i));
        }
        double[][] selected = new double[values.length][columns.length];
        for (int row = 0; row < values.length; row++) {
            for (int i = 0; i < columns.length; i++) {
                selected[row][i] = values[row][columns[i]];
            }
        }
        return new CustomerTable(customerIds, features, selected);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerTable table && customerIds.equals(table.customerIds)
                && featureNames.equals(table.featureNames) && Arrays.deepEquals(values, table.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * customerIds.hashCode() + featureNames.hashCode()) + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "CustomerTable[" + customerIds.size() + " customers x " + featureNames + "]";
    }
}
