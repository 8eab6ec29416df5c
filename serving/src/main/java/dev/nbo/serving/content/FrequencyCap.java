package dev.nbo.serving.content;

/** At most {@code max} sends of a block to one customer in any {@code perDays} days. */
public record FrequencyCap(int max, int perDays) {
    public FrequencyCap {
        if (max < 1) {
            throw new IllegalArgumentException("frequency cap max " + max + " must be at least 1");
        }
        if (perDays < 1) {
            throw new IllegalArgumentException("frequency cap per_days " + perDays + " must be at least 1");
        }
    }
}
