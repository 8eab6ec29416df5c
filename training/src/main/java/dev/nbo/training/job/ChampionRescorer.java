package dev.nbo.training.job;

import dev.nbo.models.encode.FeatureEncoder;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.registry.Champion;
import dev.nbo.models.registry.ChampionScore;
import dev.nbo.models.registry.LocalModelRegistry;
import dev.nbo.models.registry.ModelManifest;
import dev.nbo.models.registry.VerifiedModel;
import dev.nbo.training.data.PairRow;
import dev.nbo.training.evaluate.ClassificationMetrics;
import dev.nbo.training.evaluate.RankingMetrics;
import dev.nbo.training.onnx.OnnxModelSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Scores the current champion on the candidate's holdout, so that the gate compares both models on the same rows.
 * The champion runs as serving runs it — its ONNX file and its own encoder — which also proves it still loads.
 * A champion built from other feature definitions cannot read these rows; then the gate falls back on the metric
 * recorded in its manifest, and says so.
 */
final class ChampionRescorer {
    private final LocalModelRegistry registry;
    private final String model;
    private final FeatureSpec spec;
    private final String metric;
    private final long tieSeed;

    ChampionRescorer(LocalModelRegistry registry, String model, FeatureSpec spec, String metric, long tieSeed) {
        this.registry = registry;
        this.model = model;
        this.spec = spec;
        this.metric = metric;
        this.tieSeed = tieSeed;
    }

    Optional<ChampionScore> score(List<PairRow> rows, Consumer<String> log) {
        Optional<Champion> champion = registry.champion(model);
        if (champion.isEmpty()) {
            log.accept("no champion yet");
            return Optional.empty();
        }
        String version = champion.get().version();
        ModelManifest manifest = registry.manifest(model, version);
        if (!manifest.featureSpecHash().equals(spec.hash())) {
            log.accept("champion " + version + " was built from other feature definitions: compared on the "
                    + metric + " recorded in its manifest (older holdout)");
            return Optional.of(ChampionScore.recorded(manifest, metric));
        }
        VerifiedModel verified = registry.load(model, version, spec.hash());
        FeatureEncoder encoder = FeatureEncoder.read(verified.file("encoder.json"));
        FeatureEncoder.DenseLayout layout = encoder.layout(manifest.featureNames());
        float[][] inputs = new float[rows.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = layout.encode(rows.get(i).scoringRow());
        }
        float[] propensities;
        try (OnnxModelSession session = OnnxModelSession.open(verified.modelFile())) {
            propensities = session.propensities(inputs);
        }
        double[] scores = new double[propensities.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = propensities[i];
        }
        double value = value(rows, scores);
        log.accept(String.format("champion %s re-scored on this holdout: %s = %.4f", version, metric, value));
        return Optional.of(ChampionScore.rescored(version, value));
    }

    private double value(List<PairRow> rows, double[] scores) {
        Map<String, Double> ranking = RankingMetrics.evaluate(rows, scores, tieSeed);
        if (ranking.containsKey(metric)) {
            return ranking.get(metric);
        }
        boolean[] labels = new boolean[rows.size()];
        double[] weights = new double[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).label();
            weights[i] = rows.get(i).weight();
        }
        ClassificationMetrics classification = ClassificationMetrics.of(scores, labels, weights);
        return switch (metric) {
            case "auc" -> classification.auc();
            case "log_loss" -> classification.logLoss();
            default -> throw new IllegalArgumentException("promotion.metric " + metric + " is not a metric training"
                    + " computes; use one of " + TrainingJob.headline(ranking, classification).keySet());
        };
    }
}
