package dev.nbo.models.encode;

/**
 * Limits on one-hot vocabularies: a value becomes its own input only when it is among the {@code maxValues} most
 * frequent values and occurs in at least {@code minCount} training rows; rarer values share "(other)". This keeps the
 * model from memorising one city or one product seen a handful of times.
 */
public record EncoderConfig(int maxValues, long minCount) {

    public static final EncoderConfig DEFAULT = new EncoderConfig(30, 20);

    public EncoderConfig {
        if (maxValues < 1) {
            throw new IllegalArgumentException("encoder max_values must be at least 1, got " + maxValues);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("encoder min_count must be at least 1, got " + minCount);
        }
    }
}
