package dev.nbo.training.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The time-based split: the newest as-of date(s) are the holdout, never seen in training. A training date whose label
 * window {@code [t, t + horizon)} reaches past the first holdout date is dropped: its labels would be made of
 * purchases the holdout's features already see, and the holdout would no longer be the future.
 *
 * @param dropped training dates left out for that reason
 */
public record HoldoutSplit(List<LocalDate> trainDates, List<LocalDate> holdoutDates, List<LocalDate> dropped) {

    public static HoldoutSplit of(FeatureRun run, int holdoutCount) {
        List<LocalDate> dates = run.asOfDates();
        if (holdoutCount < 1) {
            throw new IllegalArgumentException("holdout dates must be at least 1, got " + holdoutCount);
        }
        if (dates.size() <= holdoutCount) {
            throw new IllegalArgumentException("the features run has " + dates.size() + " as-of date(s) " + dates
                    + "; training needs at least " + (holdoutCount + 1) + " (" + holdoutCount
                    + " for the holdout): rebuild features with more --as-of dates");
        }
        List<LocalDate> holdout = dates.subList(dates.size() - holdoutCount, dates.size());
        LocalDate firstHoldout = holdout.get(0);
        List<LocalDate> train = new ArrayList<>();
        List<LocalDate> dropped = new ArrayList<>();
        for (LocalDate date : dates.subList(0, dates.size() - holdoutCount)) {
            if (date.plusDays(run.horizon().days()).isAfter(firstHoldout)) {
                dropped.add(date);
            } else {
                train.add(date);
            }
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no as-of date ends its " + run.horizon() + " label window before the"
                    + " holdout date " + firstHoldout + " (dates " + dates + "): space the --as-of dates at least one"
                    + " horizon apart");
        }
        return new HoldoutSplit(train, List.copyOf(holdout), dropped);
    }

    public Set<LocalDate> trainSet() {
        return new TreeSet<>(trainDates);
    }

    public Set<LocalDate> holdoutSet() {
        return new TreeSet<>(holdoutDates);
    }
}
