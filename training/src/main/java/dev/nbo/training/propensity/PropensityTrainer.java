package dev.nbo.training.propensity;

import dev.nbo.models.encode.EncoderConfig;
import dev.nbo.models.encode.FeatureEncoder;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.training.data.PairRow;
import dev.nbo.training.data.PairTable;
import java.util.function.Consumer;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Fits the encoder and trains the boosted trees on the training dates' pairs. */
public final class PropensityTrainer {
    private final PropensityConfig config;
    private final EncoderConfig encoderConfig;
    private final Consumer<String> progress;

    public PropensityTrainer(PropensityConfig config, EncoderConfig encoderConfig, Consumer<String> progress) {
        this.config = config;
        this.encoderConfig = encoderConfig;
        this.progress = progress;
    }

    public PropensityModel train(FeatureSpec spec, PairTable train, String provenanceName) {
        if (train.positives() == 0) {
            throw new IllegalArgumentException("the training dates " + train.asOfDates() + " hold no positive pair:"
                    + " nothing to learn; use more or later as-of dates, or a longer --horizon");
        }
        FeatureEncoder encoder = FeatureEncoder.fit(spec, train.featureNames(),
                () -> train.rows().stream().map(PairRow::scoringRow).iterator(), encoderConfig);
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(provenanceName, labels),
                labels);
        for (PairRow row : train.rows()) {
            dataset.add(PropensityModel.example(encoder.encode(row.scoringRow()),
                    new Label(row.label() ? PropensityModel.POSITIVE : PropensityModel.NEGATIVE), (float) row.weight()));
        }
        progress.accept(String.format(
                "training %d boosting rounds (depth %d, eta %s) on %,d pairs x %d inputs, %d threads",
                config.trees(), config.maxDepth(), config.eta(), dataset.size(), dataset.getFeatureMap().size(),
                config.threads()));
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
                XGBoostTrainer.TreeMethod.HIST, config.trees(), config.eta(), 0.0, config.maxDepth(),
                config.minChildWeight(), config.subsample(), config.colsample(), config.lambda(), config.alpha(),
                config.threads(), XGBoostTrainer.LoggingVerbosity.SILENT, config.seed());
        try (Heartbeat ignored = new Heartbeat(progress, "training")) {
            @SuppressWarnings("unchecked")
            XGBoostModel<Label> model = (XGBoostModel<Label>) trainer.train(dataset);
            return new PropensityModel(encoder, model);
        }
    }
}
