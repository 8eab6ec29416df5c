package dev.nbo.training.report;

/**
 * The colours of the report. The model (or the main metric) is always blue and references (random, the diagonal)
 * always grey or dashed, so a reader learns the code once; the colours stay distinct when printed in grey scale.
 */
final class Palette {
    static final String MODEL = "#1d4ed8";
    static final String SECOND = "#0d9488";
    static final String REFERENCE = "#94a3b8";
    static final String MUTED = "#cbd5e1";
    static final String ACCENT = "#c2410c";

    private Palette() {
    }
}
