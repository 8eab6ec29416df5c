package dev.nbo.experiments.report;

import dev.nbo.experiments.report.ExperimentReport.LiftTimeline;
import dev.nbo.experiments.report.ExperimentReport.TimelinePoint;
import dev.nbo.experiments.stats.LiftEstimate;
import dev.nbo.experiments.stats.RunningMoments;
import dev.nbo.experiments.stats.SampleMoments;
import dev.nbo.experiments.stats.TwoProportionTest;
import dev.nbo.experiments.stats.WelchTest;
import dev.nbo.models.feature.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cumulative lift over time: units sorted by the time they entered, and at about {@value #POINTS} evenly spaced
 * cut-offs (by unit count; units sharing a timestamp stay together) the lift of each treatment arm against control on
 * the units so far, with its interval. Unadjusted values (no CUPED), the same tests as the report. Drawn only when
 * every unit has a timestamp, so that the last point is the full experiment.
 */
final class LiftTimelines {
    static final int POINTS = 20;

    private LiftTimelines() {
    }

    static List<LiftTimeline> build(UnitTable table, List<String> arms, ReportSettings settings) {
        if (!table.units().stream().allMatch(Unit::hasTime)) {
            return List.of();
        }
        List<Unit> sorted = new ArrayList<>(table.units());
        sorted.sort(Comparator.comparingLong(Unit::timeMicros));
        int metrics = table.metricNames().size();
        Map<String, RunningMoments[]> sums = new LinkedHashMap<>();
        for (String arm : arms) {
            RunningMoments[] perMetric = new RunningMoments[metrics];
            for (int m = 0; m < metrics; m++) {
                perMetric[m] = new RunningMoments();
            }
            sums.put(arm, perMetric);
        }
        String control = arms.get(0);
        Map<String, List<TimelinePoint>> series = new LinkedHashMap<>();
        int n = sorted.size();
        int nextCut = 1;
        for (int i = 0; i < n; i++) {
            Unit unit = sorted.get(i);
            RunningMoments[] perMetric = sums.get(unit.arm());
            for (int m = 0; m < metrics; m++) {
                if (!Double.isNaN(unit.metric(m))) {
                    perMetric[m].add(unit.metric(m));
                }
            }
            boolean tieContinues = i + 1 < n && sorted.get(i + 1).timeMicros() == unit.timeMicros();
            if (!tieContinues && (long) (i + 1) * POINTS >= (long) nextCut * n) {
                for (String arm : arms.subList(1, arms.size())) {
                    for (int m = 0; m < metrics; m++) {
                        String metric = table.metricNames().get(m);
                        series.computeIfAbsent(arm + '\u0000' + metric, key -> new ArrayList<>())
                                .add(point(unit.timeMicros(), sums.get(control)[m], sums.get(arm)[m],
                                        table.isBinary(metric), settings.confidence()));
                    }
                }
                while ((long) nextCut * n <= (long) (i + 1) * POINTS) {
                    nextCut++;
                }
            }
        }
        List<LiftTimeline> timelines = new ArrayList<>();
        for (String arm : arms.subList(1, arms.size())) {
            for (String metric : table.metricNames()) {
                timelines.add(new LiftTimeline(arm, metric, series.get(arm + '\u0000' + metric)));
            }
        }
        return timelines;
    }

    private static TimelinePoint point(long timeMicros, RunningMoments control, RunningMoments treatment,
                                       boolean binary, double confidence) {
        String time = Window.instant(timeMicros).toString();
        SampleMoments c = control.moments();
        SampleMoments t = treatment.moments();
        LiftEstimate estimate = null;
        if (binary && c.n() > 0 && t.n() > 0) {
            estimate = TwoProportionTest.test(Math.round(control.sum()), c.n(), Math.round(treatment.sum()), t.n(),
                    confidence);
        } else if (!binary && WelchTest.isTestable(c, t)) {
            estimate = WelchTest.test(c, t, confidence);
        }
        if (estimate == null) {
            return new TimelinePoint(timeMicros, time, c.n(), t.n(), null, null, null);
        }
        return new TimelinePoint(timeMicros, time, c.n(), t.n(), estimate.absolute(),
                estimate.absoluteInterval().low(), estimate.absoluteInterval().high());
    }
}
