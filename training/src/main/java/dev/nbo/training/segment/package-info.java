/**
 * Customer segments: k-means over z-scored customer features, with k chosen by the mean silhouette, and a profile
 * of each segment (size, centroid in original units, the features that set it apart, a name a marketer can read).
 *
 * <p>{@link dev.nbo.training.segment.SegmentTrainer} trains a {@link dev.nbo.training.segment.SegmentModel} from a
 * {@link dev.nbo.training.segment.CustomerTable}; {@link dev.nbo.training.segment.SegmentProfiles} describes it. The
 * model exposes the plain arrays (feature names, means, stds, standardised centroids) that the ONNX export turns into
 * the graph serving assigns segments with, and both standardise and impute the same way: a missing value is the mean.
 * No transform (log, clipping) happens inside the model; callers choose the features. See {@code docs/segments.md}.
 */
package dev.nbo.training.segment;
