package dev.nbo.training.job;

import dev.nbo.models.registry.Parity;
import dev.nbo.models.registry.PromotionDecision;
import dev.nbo.training.evaluate.ClassificationMetrics;
import java.nio.file.Path;
import java.util.Map;

/** What a training run produced: the registered version, its figures and the gate's decision. */
public record TrainingOutcome(String model, String version, PromotionDecision decision,
                              Map<String, Map<String, Double>> ranking, ClassificationMetrics classification,
                              Parity parity, Path directory) {
}
