package dev.nbo.training.job;

import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.offer.OfferCatalog;

import dev.nbo.models.registry.ChampionScore;
import dev.nbo.models.registry.LocalModelRegistry;
import dev.nbo.models.registry.ModelManifest;
import dev.nbo.models.registry.Parity;
import dev.nbo.models.registry.PromotionDecision;
import dev.nbo.models.registry.PromotionGate;
import dev.nbo.models.registry.PromotionPolicy;
import dev.nbo.models.registry.Segments;
import dev.nbo.models.registry.TrainingSummary;
import dev.nbo.models.rules.RuleSet;
import dev.nbo.training.data.CustomerSnapshotReader;
import dev.nbo.training.data.FeatureRun;
import dev.nbo.training.data.HoldoutSplit;
import dev.nbo.training.data.PairRow;
import dev.nbo.training.data.PairTable;
import dev.nbo.training.data.TrainingPairsReader;
import dev.nbo.training.evaluate.BuyAgainRanker;
import dev.nbo.training.evaluate.ClassificationMetrics;
import dev.nbo.training.evaluate.PopularityRanker;
import dev.nbo.training.evaluate.RandomRanker;
import dev.nbo.training.evaluate.RankingMetrics;
import dev.nbo.training.evaluate.Ranker;
import dev.nbo.training.evaluate.RulesRanker;
import dev.nbo.training.onnx.KMeansOnnxExporter;
import dev.nbo.training.onnx.OnnxModelMetadata;
import dev.nbo.training.onnx.OnnxModelSession;
import dev.nbo.training.onnx.OnnxParity;
import dev.nbo.training.onnx.PropensityParity;
import dev.nbo.training.onnx.SegmentParity;
import dev.nbo.training.onnx.TreeEnsembleOnnxExporter;
import dev.nbo.training.propensity.PropensityModel;
import dev.nbo.training.propensity.PropensityTrainer;
import dev.nbo.training.report.TrainingReport;
import dev.nbo.training.segment.CustomerTable;
import dev.nbo.training.segment.SegmentModel;
import dev.nbo.training.segment.SegmentProfiles;
import dev.nbo.training.segment.SegmentTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/** {@code ./nbo train}: see the package documentation for the steps. */
public final class TrainingJob {
    private static final int STEPS = 8;

    private final SparkSession spark;
    private final PrintStream out;
    private final String codeVersion;

    public TrainingJob(SparkSession spark, PrintStream out, String codeVersion) {
        this.spark = spark;
        this.out = out;
        this.codeVersion = codeVersion;
    }

    public TrainingOutcome run(TrainingOptions options) {
        TrainingConfig config = TrainingConfig.load(options.config());
        FeatureRun run = FeatureRun.read(options.features());
        FeatureSpec spec = FeatureSpec.load(options.spec().orElseGet(() -> specOf(run)));
        Optional<RuleSet> rules = options.rules().map(file -> RuleSet.load(file, spec, offers(options, run)));
        LocalModelRegistry registry = new LocalModelRegistry(options.registry());
        String modelName = config.modelName();
        StepTimer steps = new StepTimer(out, STEPS);

        steps.step("read", "reading the training pairs of " + run.dir());
        PairTable all = new TrainingPairsReader(spark).read(run, spec);
        HoldoutSplit split = HoldoutSplit.of(run, config.holdoutDates());
        PairTable train = all.only(split.trainSet());
        PairTable holdout = all.only(split.holdoutSet());
        steps.detail("train %s: %,d pairs, %,d converted; holdout %s: %,d pairs, %,d converted", split.trainDates(),
                train.size(), train.positives(), split.holdoutDates(), holdout.size(), holdout.positives());
        if (!split.dropped().isEmpty()) {
            steps.detail("left out %s: their %s label window reaches into the holdout", split.dropped(), run.horizon());
        }
        if (holdout.positives() == 0) {
            throw new IllegalArgumentException("the holdout " + split.holdoutDates() + " has no conversion: nothing"
                    + " to evaluate on; build features with a later data end or a longer --horizon");
        }

        steps.step("train", "training the propensity model (Tribuo XGBoost)");
        PropensityModel model = new PropensityTrainer(config.model(), config.encoder(), steps::detail)
                .train(spec, train, run.snapshotId());

        steps.step("segments", "customer segments (Tribuo k-means) at " + newest(split));
        List<String> segmentFeatures = config.segments().features().isEmpty()
                ? CustomerSnapshotReader.numericCustomerFeatures(spec) : config.segments().features();
        CustomerTable customers = new CustomerSnapshotReader(spark).read(run, newest(split), segmentFeatures);
        SegmentModel segments = new SegmentTrainer(config.segments(), steps::detail).train(customers);
        SegmentProfiles profiles = SegmentProfiles.describe(segments, customers);
        out.println(profiles.toTable());

        steps.step("evaluate", "evaluating on the holdout against the baselines");
        List<PairRow> rows = holdout.rows();
        double[] modelScores = model.predict(rows.stream().map(PairRow::scoringRow).toList());
        ClassificationMetrics classification = classification(rows, modelScores);
        PopularityRanker popularity = PopularityRanker.fit(train);
        List<Ranker> baselines = new ArrayList<>(List.of(new RandomRanker(config.baselineSeed()), popularity,
                new BuyAgainRanker(BuyAgainRanker.chooseFeature(spec, config.buyAgainFeature()), popularity)));
        rules.ifPresent(r -> baselines.add(new RulesRanker(r, popularity, row -> ruleAttributes(row, segments,
                profiles))));
        Map<String, Map<String, Double>> ranking = new LinkedHashMap<>();
        ranking.put("model", RankingMetrics.evaluate(rows, modelScores, config.baselineSeed()));
        for (Ranker baseline : baselines) {
            ranking.put(baseline.name(), RankingMetrics.evaluate(rows, baseline.score(rows), config.baselineSeed()));
        }
        RankingTable.print(out, ranking);

        steps.step("export", "exporting to ONNX and checking parity on the whole holdout");
        String version = registry.nextVersion(modelName);
        byte[] modelOnnx = TreeEnsembleOnnxExporter.export(model.model(),
                OnnxModelMetadata.of(model.model(), spec.hash(), version));
        byte[] segmentsOnnx = KMeansOnnxExporter.export(segments.means(), segments.stds(), segments.centroids(),
                new OnnxModelMetadata(segments.featureNames(), spec.hash(), version,
                        OnnxModelMetadata.provenanceJson(segments.tribuoModel())));
        Parity parity = parity(model, rows, modelOnnx, segments, customers, segmentsOnnx);
        steps.detail("propensity: %,d rows, max |ONNX - Tribuo| = %.2e; segments: %,d rows, %d different",
                parity.rows(), parity.maxAbsDiff(), parity.segmentRows(), parity.segmentMismatches());

        steps.step("gate", "promotion gate (" + config.promotion().metric() + ")");
        Map<String, Double> headline = headline(ranking.get("model"), classification);
        ModelManifest manifest = new ModelManifest(modelName, version, Instant.now(), codeVersion,
                model.inputNames(), spec.hash(), run.snapshotId(),
                new TrainingSummary(split.trainDates(), split.holdoutDates(), train.size(), train.positives(),
                        holdout.size(), holdout.positives()),
                hyperParameters(config), config.model().seed(), headline, parity,
                new Segments(segments.k(), profiles.segments().stream().map(p -> p.name()).toList()));
        Optional<ChampionScore> champion = new ChampionRescorer(registry, modelName, spec, config.promotion().metric(),
                config.baselineSeed()).score(rows, steps::detail);
        PromotionPolicy policy = options.promote().orElse(config.promotion().policy());
        PromotionDecision decision = new PromotionGate(config.promotion()).decide(policy, manifest, champion);

        steps.step("register", "registering " + modelName + " " + version + " in " + options.registry());
        Path staging = stagingDir();
        try {
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("model.onnx", write(staging.resolve("model.onnx"), modelOnnx));
            files.put("segments.onnx", write(staging.resolve("segments.onnx"), segmentsOnnx));
            model.encoder().write(staging.resolve("encoder.json"));
            files.put("encoder.json", staging.resolve("encoder.json"));
            profiles.writeJson(staging.resolve("segments.json"));
            files.put("segments.json", staging.resolve("segments.json"));
            Map<String, Object> metrics = MetricsDocument.of(manifest, run, split, train, holdout, config,
                    classification, ranking, model, profiles, segments, parity, decision, steps.seconds());
            files.put("metrics.json", write(staging.resolve("metrics.json"), MetricsDocument.toJson(metrics)));
            TrainingReport.write(MetricsDocument.toTree(metrics), staging.resolve("report.html"));
            files.put("report.html", staging.resolve("report.html"));
            if (!parity.passed()) {
                throw new IllegalStateException("registration refused: the ONNX export does not score like the"
                        + " trained model (" + parity.failure() + "). Nothing was registered; this is a bug to"
                        + " report with the features run " + run.dir());
            }
            registry.register(modelName, version, files, manifest);
            registry.apply(modelName, decision);
        } finally {
            deleteQuietly(staging);
        }
        steps.finish();
        out.printf("%s %s: %s%n", modelName, version, decision.promote() ? "CHAMPION" : "candidate");
        out.println("  " + decision.reason());
        out.println("  report: " + options.registry().resolve(modelName).resolve(version).resolve("report.html"));
        return new TrainingOutcome(modelName, version, decision, ranking, classification, parity,
                options.registry().resolve(modelName).resolve(version));
    }

    private static LocalDate newest(HoldoutSplit split) {
        return split.holdoutDates().get(split.holdoutDates().size() - 1);
    }

    private static Path specOf(FeatureRun run) {
        Path recorded = run.specPath();
        if (recorded == null || !Files.isRegularFile(recorded)) {
            throw new IllegalArgumentException("the features run " + run.dir() + " was built with " + recorded
                    + ", which is not there any more; pass the same file with --spec");
        }
        return recorded;
    }

    private static OfferCatalog offers(TrainingOptions options, FeatureRun run) {
        Path file = options.offers().orElseGet(() -> run.warehouseOffers()
                .orElseThrow(() -> new IllegalArgumentException("--rules needs the offer catalog the rules refer to:"
                        + " pass it with --offers FILE (the warehouse of " + run.dir() + " has no offers.yaml)")));
        return OfferCatalog.load(file);
    }

    private static ClassificationMetrics classification(List<PairRow> rows, double[] scores) {
        boolean[] labels = new boolean[rows.size()];
        double[] weights = new double[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).label();
            weights[i] = rows.get(i).weight();
        }
        return ClassificationMetrics.of(scores, labels, weights);
    }

    /** The rule variables of a row's customer: its customer features, and its segment (by the segment model). */
    private static Map<String, Object> ruleAttributes(PairRow row, SegmentModel segments, SegmentProfiles profiles) {
        Map<String, Object> attributes = new HashMap<>(row.index().view(row.values()));
        double[] raw = new double[segments.featureNames().size()];
        for (int i = 0; i < raw.length; i++) {
            Object value = row.feature(segments.featureNames().get(i));
            raw[i] = value instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        int segment = segments.assign(raw);
        attributes.put("segment_id", (long) segment);
        attributes.put("segment", profiles.segment(segment).name());
        return attributes;
    }

    private static Parity parity(PropensityModel model, List<PairRow> rows, byte[] modelOnnx, SegmentModel segments,
                                 CustomerTable customers, byte[] segmentsOnnx) {
        List<Example<Label>> examples = model.examples(rows.stream().map(PairRow::scoringRow).toList());
        PropensityParity propensity;
        try (OnnxModelSession session = OnnxModelSession.open(modelOnnx, "model.onnx")) {
            propensity = OnnxParity.propensity(session, model.model(), examples);
        }
        float[][] raw = new float[customers.size()][];
        double[][] distances = new double[customers.size()][];
        for (int i = 0; i < raw.length; i++) {
            double[] row = customers.row(i);
            raw[i] = new float[row.length];
            for (int j = 0; j < row.length; j++) {
                raw[i][j] = (float) row[j];
            }
            distances[i] = segments.distances(row);
        }
        SegmentParity segmentParity;
        try (OnnxModelSession session = OnnxModelSession.open(segmentsOnnx, "segments.onnx")) {
            segmentParity = OnnxParity.segments(session, raw, segments.assign(customers), distances);
        }
        return Parity.of(propensity.rows(), propensity.maxAbsDiff(), segmentParity.rows(),
                segmentParity.mismatchedSegments(), OnnxParity.TOLERANCE);
    }

    /** The figures the manifest records and the gate compares: every ranking metric, AUC and log loss. */
    static Map<String, Double> headline(Map<String, Double> modelRanking, ClassificationMetrics classification) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        modelRanking.forEach((k, v) -> {
            if (k.contains("@")) {
                metrics.put(k, v);
            }
        });
        if (Double.isFinite(classification.auc())) {
            metrics.put("auc", classification.auc());
        }
        metrics.put("log_loss", classification.logLoss());
        return metrics;
    }

    private static Map<String, Object> hyperParameters(TrainingConfig config) {
        Map<String, Object> parameters = new LinkedHashMap<>(config.model().asMap());
        parameters.put("encoder_max_values", config.encoder().maxValues());
        parameters.put("encoder_min_count", config.encoder().minCount());
        parameters.put("holdout_dates", config.holdoutDates());
        return parameters;
    }

    private static Path stagingDir() {
        try {
            return Files.createTempDirectory("nbo-train-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path write(Path file, String text) {
        return write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
