package dev.nbo.training.evaluate;

import dev.nbo.training.data.PairRow;
import java.util.List;

/** Scores candidate pairs; a higher score ranks an offer higher for its customer. */
public interface Ranker {

    /** A short name for tables and charts, e.g. {@code model}, {@code popularity}. */
    String name();

    double[] score(List<PairRow> rows);
}
