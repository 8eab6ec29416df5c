package dev.nbo.models.aggregate;

/** Where a served feature value came from; missing data is never a silent zero. */
public enum FeatureStatus {
    /** Computed from data (a count of 0 over an empty window is data too). */
    PRESENT,
    /** No data: the feature's declared default. */
    DEFAULT,
    /** No data and no default: the value is null. */
    MISSING
}
