package dev.nbo.serving.store;

/** What a bulk load wrote. */
public record LoadSummary(long customers, long offers, long products) {
    public LoadSummary {
        if (customers < 0 || offers < 0 || products < 0) {
            throw new IllegalArgumentException("counts must not be negative: customers=" + customers + ", offers="
                    + offers + ", products=" + products);
        }
    }
}
