package dev.nbo.training.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How well the propensity separates and estimates conversions on the holdout: weighted AUC (the probability that a
 * converting pair outscores a non-converting one, ties counted half), log loss, a calibration table by score decile
 * and the cumulative gain curve.
 */
public record ClassificationMetrics(double auc, double logLoss, double baseRate, double meanPrediction,
                                    List<CalibrationBin> calibration, List<GainPoint> gain) {

    /** One score decile: its rows, mean predicted propensity and observed conversion rate. */
    public record CalibrationBin(int bin, long rows, double meanPredicted, double observedRate) {
    }

    /** The share of all conversions captured by the top {@code population} share of pairs ranked by score. */
    public record GainPoint(double population, double captured) {
    }

    public static ClassificationMetrics of(double[] scores, boolean[] labels, double[] weights) {
        int n = scores.length;
        if (n == 0) {
            throw new IllegalArgumentException("no holdout rows to evaluate");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positives = 0;
        double negatives = 0;
        double logLoss = 0;
        double predicted = 0;
        for (int i = 0; i < n; i++) {
            double p = Math.min(Math.max(scores[i], 1e-15), 1 - 1e-15);
            logLoss -= weights[i] * (labels[i] ? Math.log(p) : Math.log(1 - p));
            predicted += weights[i] * scores[i];
            if (labels[i]) {
                positives += weights[i];
            } else {
                negatives += weights[i];
            }
        }
        double total = positives + negatives;
        return new ClassificationMetrics(auc(order, scores, labels, weights, positives, negatives), logLoss / total,
                positives / total, predicted / total, calibration(order, scores, labels, weights),
                gain(order, labels, weights, positives, total));
    }

    private static double auc(Integer[] ascending, double[] scores, boolean[] labels, double[] weights,
                              double positives, double negatives) {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double area = 0;
        double negativesBelow = 0;
        int i = 0;
        while (i < ascending.length) {
            int j = i;
            double tiePositives = 0;
            double tieNegatives = 0;
            while (j < ascending.length && scores[ascending[j]] == scores[ascending[i]]) {
                int r = ascending[j];
                if (labels[r]) {
                    tiePositives += weights[r];
                } else {
                    tieNegatives += weights[r];
                }
                j++;
            }
            area += tiePositives * (negativesBelow + tieNegatives / 2);
            negativesBelow += tieNegatives;
            i = j;
        }
        return area / (positives * negatives);
    }

    private static List<CalibrationBin> calibration(Integer[] ascending, double[] scores, boolean[] labels,
                                                    double[] weights) {
        List<CalibrationBin> bins = new ArrayList<>();
        int n = ascending.length;
        for (int b = 0; b < 10; b++) {
            int from = (int) ((long) n * b / 10);
            int to = (int) ((long) n * (b + 1) / 10);
            double w = 0;
            double p = 0;
            double y = 0;
            for (int k = from; k < to; k++) {
                int r = ascending[k];
                w += weights[r];
                p += weights[r] * scores[r];
                y += labels[r] ? weights[r] : 0;
            }
            if (to > from) {
                bins.add(new CalibrationBin(b + 1, to - from, p / w, y / w));
            }
        }
        return bins;
    }

    private static List<GainPoint> gain(Integer[] ascending, boolean[] labels, double[] weights, double positives,
                                        double total) {
        List<GainPoint> points = new ArrayList<>();
        points.add(new GainPoint(0, 0));
        double seen = 0;
        double captured = 0;
        int step = 1;
        for (int k = ascending.length - 1; k >= 0; k--) {
            int r = ascending[k];
            seen += weights[r];
            captured += labels[r] ? weights[r] : 0;
            while (step <= 20 && seen >= total * step / 20.0 - 1e-9) {
                points.add(new GainPoint(step / 20.0, positives == 0 ? 0 : captured / positives));
                step++;
            }
        }
        return points;
    }
}
