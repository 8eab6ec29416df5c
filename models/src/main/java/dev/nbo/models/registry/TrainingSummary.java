package dev.nbo.models.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a model was trained and evaluated on: the as-of dates of the training pairs and of the holdout, and how many
 * rows and positive labels each had. The holdout size lets the promotion gate refuse a comparison on too few rows.
 */
public record TrainingSummary(
        @JsonProperty("train_as_of") List<LocalDate> trainAsOf,
        @JsonProperty("holdout_as_of") List<LocalDate> holdoutAsOf,
        @JsonProperty("train_rows") long trainRows,
        @JsonProperty("train_positives") long trainPositives,
        @JsonProperty("holdout_rows") long holdoutRows,
        @JsonProperty("holdout_positives") long holdoutPositives) {

    public TrainingSummary {
        trainAsOf = dates("train_as_of", trainAsOf);
        holdoutAsOf = dates("holdout_as_of", holdoutAsOf);
        Set<LocalDate> both = new HashSet<>(trainAsOf);
        both.retainAll(holdoutAsOf);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("as-of dates " + both + " are in both train_as_of and holdout_as_of;"
                    + " a holdout must be held out of training");
        }
        counts("train", trainRows, trainPositives);
        counts("holdout", holdoutRows, holdoutPositives);
    }

    private static List<LocalDate> dates(String field, List<LocalDate> dates) {
        if (dates == null || dates.isEmpty()) {
            throw new IllegalArgumentException(field + " must list at least one as-of date");
        }
        if (dates.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(field + " must not contain null: " + dates);
        }
        return List.copyOf(dates);
    }

    private static void counts(String part, long rows, long positives) {
        if (rows <= 0) {
            throw new IllegalArgumentException(part + "_rows must be positive, got " + rows);
        }
        if (positives < 0 || positives > rows) {
            throw new IllegalArgumentException(part + "_positives must be between 0 and " + part + "_rows (" + rows
                    + "), got " + positives);
        }
    }
}
