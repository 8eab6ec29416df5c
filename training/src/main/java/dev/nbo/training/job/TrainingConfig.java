package dev.nbo.training.job;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.encode.EncoderConfig;
import dev.nbo.models.registry.GateConfig;
import dev.nbo.models.registry.RegistryNames;
import dev.nbo.training.propensity.PropensityConfig;
import dev.nbo.training.segment.SegmentConfig;
import java.nio.file.Path;
import java.util.Optional;

/** {@code training.yaml}: documented in docs/training.md; every section but {@code model.seed} has defaults. */
public record TrainingConfig(String origin, String modelName, PropensityConfig model, EncoderConfig encoder,
                             int holdoutDates, long baselineSeed, Optional<String> buyAgainFeature,
                             SegmentConfig segments, GateConfig promotion) {

    public static TrainingConfig load(Path file) {
        return read(ConfigNode.load(file));
    }

    public static TrainingConfig parse(String origin, String yaml) {
        return read(ConfigNode.parse(origin, yaml));
    }

    private static TrainingConfig read(ConfigNode root) {
        root.allowOnly("version", "model_name", "model", "encoder", "holdout", "baselines", "segments", "promotion");
        ConfigNode version = root.field("version");
        if (!version.isMissing() && version.integer() != 1) {
            throw version.error("version " + version.integer() + " is not supported; this release reads version 1");
        }
        ConfigNode nameNode = root.field("model_name");
        String modelName = nameNode.isMissing() ? "propensity" : nameNode.string();
        try {
            RegistryNames.checkModel(modelName);
        } catch (IllegalArgumentException e) {
            throw nameNode.error(e.getMessage());
        }
        PropensityConfig model = PropensityConfig.from(root.required("model"));

        ConfigNode encoderNode = root.field("encoder");
        EncoderConfig encoder = EncoderConfig.DEFAULT;
        if (!encoderNode.isMissing()) {
            encoderNode.allowOnly("max_values", "min_count");
            try {
                encoder = new EncoderConfig(
                        (int) orDefault(encoderNode.field("max_values"), EncoderConfig.DEFAULT.maxValues()),
                        orDefault(encoderNode.field("min_count"), EncoderConfig.DEFAULT.minCount()));
            } catch (IllegalArgumentException e) {
                throw encoderNode.error(e.getMessage());
            }
        }

        ConfigNode holdout = root.field("holdout");
        int holdoutDates = 1;
        if (!holdout.isMissing()) {
            holdout.allowOnly("dates");
            holdoutDates = (int) orDefault(holdout.field("dates"), 1);
            if (holdoutDates < 1) {
                throw holdout.field("dates").error("holdout.dates must be at least 1, got " + holdoutDates);
            }
        }

        ConfigNode baselines = root.field("baselines");
        long baselineSeed = model.seed();
        Optional<String> buyAgain = Optional.empty();
        if (!baselines.isMissing()) {
            baselines.allowOnly("seed", "buy_again_feature");
            baselineSeed = orDefault(baselines.field("seed"), model.seed());
            buyAgain = baselines.field("buy_again_feature").optionalString();
        }

        ConfigNode segmentsNode = root.field("segments");
        SegmentConfig segments = segmentsNode.isMissing() ? SegmentConfig.defaults(model.seed())
                : SegmentConfig.from(segmentsNode);
        ConfigNode promotionNode = root.field("promotion");
        GateConfig promotion = promotionNode.isMissing() ? GateConfig.DEFAULT : GateConfig.read(promotionNode);
        return new TrainingConfig(root.file(), modelName, model, encoder, holdoutDates, baselineSeed, buyAgain,
                segments, promotion);
    }

    private static long orDefault(ConfigNode node, long value) {
        return node.isMissing() ? value : node.integer();
    }
}
