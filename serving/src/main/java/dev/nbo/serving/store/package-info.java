/**
 * The online feature store: the durable home of every customer's profile and aggregation state and of every offer's
 * state ({@link dev.nbo.serving.store.OnlineStore}, embedded on H2 MVStore or on Redis), bulk-loaded from the feature
 * pipeline's online snapshot and kept fresh by {@link dev.nbo.serving.store.EventApplier}, and read at request time by
 * {@link dev.nbo.serving.store.OnlineFeatures}. All feature math is the shared
 * {@link dev.nbo.models.aggregate.IncrementalAggregator}, so a served value equals what the offline pipeline computes
 * from the same rows. See {@code docs/online-store.md}.
 */
package dev.nbo.serving.store;
