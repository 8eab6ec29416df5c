package dev.nbo.features.pipeline;

import dev.nbo.features.pairs.NegativeSampling;
import dev.nbo.models.feature.Window;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What a feature pipeline run does.
 *
 * @param asOfDates    explicit as-of dates; empty to choose {@code asOfCount} dates ending one horizon before the
 *                     data ends, one horizon apart
 * @param onlineAsOf   the as-of date of the online snapshot; null for the day after the newest row
 */
public record PipelineOptions(
        String warehouse,
        String out,
        Path spec,
        List<LocalDate> asOfDates,
        int asOfCount,
        Window horizon,
        NegativeSampling sampling,
        LocalDate onlineAsOf,
        boolean writeOnline) {

    public PipelineOptions {
        asOfDates = List.copyOf(asOfDates);
        if (asOfCount < 1) {
            throw new IllegalArgumentException("--as-of-count " + asOfCount + " must be at least 1");
        }
        if (horizon.isLifetime()) {
            throw new IllegalArgumentException("the label horizon must be a number of days, e.g. 30d");
        }
    }
}
