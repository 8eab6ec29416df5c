package dev.nbo.training.job;

import dev.nbo.models.registry.PromotionPolicy;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code ./nbo train} was asked to do.
 *
 * @param spec   the feature spec the run was built with; empty = the {@code spec} path recorded in run.json
 * @param offers the offer catalog the rules refer to; empty = the warehouse's offers.yaml, else config/offers.yaml
 */
public record TrainingOptions(Path features, Path registry, Path config, Optional<Path> rules, Optional<Path> spec,
                              Optional<Path> offers, Optional<PromotionPolicy> promote) {
}
