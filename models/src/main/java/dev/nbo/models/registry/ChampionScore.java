package dev.nbo.models.registry;

/**
 * The champion's value of the gate's metric, as the caller could obtain it. Only a value measured on the candidate's
 * holdout ({@code sameHoldout}) makes a fair comparison; a value recorded in the champion's manifest was measured on
 * an older holdout, and the decision says so.
 */
public record ChampionScore(String version, double value, boolean sameHoldout) {

    public ChampionScore {
        RegistryNames.checkVersion(version);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("champion " + version + " value must be a finite number, got " + value);
        }
    }

    /** The champion re-scored on the candidate's holdout: a fair comparison. */
    public static ChampionScore rescored(String version, double value) {
        return new ChampionScore(version, value, true);
    }

    /** The value recorded in the champion's own manifest, measured on its own (older) holdout. */
    public static ChampionScore recorded(ModelManifest champion, String metric) {
        Double value = champion.metrics().get(metric);
        if (value == null) {
            throw new IllegalArgumentException("champion " + champion.version() + " has no recorded metric '" + metric
                    + "' (it has " + champion.metrics().keySet() + "); re-score it on the candidate's holdout or"
                    + " choose one of its metrics for promotion.metric");
        }
        return new ChampionScore(champion.version(), value, false);
    }
}
