package dev.nbo.experiments.report;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The units of an experiment and the names of their metrics. Binary metrics (a subset of the names) hold 0 or 1 (or
 * NaN for missing); the others are continuous.
 */
public record UnitTable(List<String> metricNames, Set<String> binaryMetrics, List<Unit> units) {
    public UnitTable {
        metricNames = List.copyOf(metricNames);
        binaryMetrics = Collections.unmodifiableSet(new LinkedHashSet<>(binaryMetrics));
        units = List.copyOf(units);
        if (metricNames.isEmpty()) {
            throw new IllegalArgumentException("a unit table needs at least one metric");
        }
        Set<String> seen = new HashSet<>();
        for (String name : metricNames) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("metric names must not be blank, got " + metricNames);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("metric name '" + name + "' appears twice in " + metricNames);
            }
        }
        for (String binary : binaryMetrics) {
            if (!seen.contains(binary)) {
                throw new IllegalArgumentException("binary metric '" + binary + "' is not one of the metrics "
                        + metricNames);
            }
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a unit table needs at least one unit");
        }
        for (int row = 0; row < units.size(); row++) {
            check(units.get(row), row, metricNames, binaryMetrics);
        }
    }

    public boolean isBinary(String metric) {
        return binaryMetrics.contains(metric);
    }

    private static void check(Unit unit, int row, List<String> metricNames, Set<String> binaryMetrics) {
        if (unit.metricCount() != metricNames.size()) {
            throw new IllegalArgumentException("unit " + row + " has " + unit.metricCount() + " metric values for "
                    + metricNames.size() + " metrics " + metricNames);
        }
        for (int m = 0; m < metricNames.size(); m++) {
            double value = unit.metric(m);
            if (binaryMetrics.contains(metricNames.get(m)) && !Double.isNaN(value) && value != 0 && value != 1) {
                throw new IllegalArgumentException("unit " + row + ": binary metric '" + metricNames.get(m)
                        + "' must be 0 or 1, got " + value);
            }
        }
    }
}
