package dev.nbo.models.registry;

/**
 * The file names of the registry layout: {@code <registry>/<model>/<version>/} holds the files below plus
 * {@code manifest.json}; {@code <registry>/<model>/} holds {@code champion.json} and {@code promotions.jsonl}. Training
 * and serving use these names instead of spelling them out.
 */
public final class RegistryLayout {
    /** The propensity model (ONNX tree ensemble). */
    public static final String MODEL = "model.onnx";
    /** The segment model (ONNX k-means). */
    public static final String SEGMENTS = "segments.onnx";
    /** How raw features become the model's input vector; written by training, opaque to the registry. */
    public static final String ENCODER = "encoder.json";
    /** The evaluation figures in full (the manifest carries the headline metrics). */
    public static final String METRICS = "metrics.json";
    /** The evaluation report for people. */
    public static final String REPORT = "report.html";
    /** Provenance and the checksums of every other file of the version. */
    public static final String MANIFEST = "manifest.json";
    /** The pointer to the champion version, replaced atomically. */
    public static final String CHAMPION = "champion.json";
    /** One JSON line per promotion decision, appended, never rewritten. */
    public static final String PROMOTIONS = "promotions.jsonl";

    private RegistryLayout() {
    }
}
