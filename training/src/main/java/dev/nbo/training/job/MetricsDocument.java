package dev.nbo.training.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nbo.models.registry.ModelManifest;
import dev.nbo.models.registry.Parity;
import dev.nbo.models.registry.PromotionDecision;
import dev.nbo.training.data.FeatureRun;
import dev.nbo.training.data.HoldoutSplit;
import dev.nbo.training.data.PairRow;
import dev.nbo.training.data.PairTable;
import dev.nbo.training.evaluate.ClassificationMetrics;
import dev.nbo.training.propensity.PropensityModel;
import dev.nbo.training.segment.SegmentModel;
import dev.nbo.training.segment.SegmentProfiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code metrics.json}: every figure of a training run, the input of report.html (schema in docs/training.md). */
final class MetricsDocument {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsDocument() {
    }

    static Map<String, Object> of(ModelManifest manifest, FeatureRun run, HoldoutSplit split, PairTable train,
                                  PairTable holdout, TrainingConfig config, ClassificationMetrics classification,
                                  Map<String, Map<String, Double>> ranking, PropensityModel model,
                                  SegmentProfiles profiles, SegmentModel segments, Parity parity,
                                  PromotionDecision decision, Map<String, Double> timings) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", manifest.model());
        doc.put("version", manifest.version());
        doc.put("created_at", manifest.createdAt().toString());
        doc.put("snapshot_id", run.snapshotId());
        doc.put("feature_spec_hash", manifest.featureSpecHash());
        doc.put("code_version", manifest.codeVersion());
        doc.put("train_dates", dates(split.trainDates()));
        doc.put("holdout_dates", dates(split.holdoutDates()));
        doc.put("dropped_train_dates", dates(split.dropped()));
        doc.put("horizon", run.horizon().toString());
        doc.put("train", Map.of("rows", train.size(), "positives", train.positives()));
        long customers = holdout.rows().stream().map(r -> r.asOf() + "|" + r.customerId()).distinct().count();
        long converted = holdout.rows().stream().filter(PairRow::label).map(r -> r.asOf() + "|" + r.customerId())
                .distinct().count();
        doc.put("holdout", Map.of("rows", holdout.size(), "positives", holdout.positives(), "customers", customers,
                "customers_with_conversion", converted));
        Map<String, Object> parameters = new LinkedHashMap<>(manifest.hyperParameters());
        parameters.put("seed", config.model().seed());
        doc.put("hyper_parameters", parameters);
        doc.put("classification", classification(classification));
        doc.put("ranking", ranking);
        doc.put("feature_importance", importance(model));
        Map<String, Object> profileDoc = tree(profiles.toJson());
        Map<String, Object> segmentDoc = new LinkedHashMap<>();
        segmentDoc.put("k", segments.k());
        segmentDoc.put("criterion", "silhouette");
        segmentDoc.put("customers", profileDoc.get("customers"));
        segmentDoc.put("features", profileDoc.get("features"));
        segmentDoc.put("selection", profileDoc.get("selection"));
        segmentDoc.put("profiles", profileDoc.get("segments"));
        doc.put("segments", segmentDoc);
        doc.put("parity", parity);
        Map<String, Object> promotion = new LinkedHashMap<>();
        promotion.put("policy", decision.policy().wireName());
        promotion.put("metric", decision.metric());
        promotion.put("promoted", decision.promote());
        promotion.put("reason", decision.reason());
        promotion.put("candidate", decision.candidateValue().isPresent() ? decision.candidateValue().getAsDouble()
                : null);
        promotion.put("champion", decision.champion().map(c -> c.value()).orElse(null));
        promotion.put("champion_version", decision.champion().map(c -> c.version()).orElse(null));
        promotion.put("champion_on_same_holdout", decision.champion().map(c -> c.sameHoldout()).orElse(null));
        doc.put("promotion", promotion);
        doc.put("timings", timings);
        return doc;
    }

    private static List<String> dates(List<java.time.LocalDate> dates) {
        return dates.stream().map(Object::toString).toList();
    }

    private static Map<String, Object> classification(ClassificationMetrics metrics) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("auc", Double.isFinite(metrics.auc()) ? metrics.auc() : null);
        doc.put("log_loss", metrics.logLoss());
        doc.put("base_rate", metrics.baseRate());
        doc.put("mean_prediction", metrics.meanPrediction());
        doc.put("calibration", metrics.calibration().stream().map(b -> Map.of("bin", b.bin(), "rows", b.rows(),
                "mean_predicted", b.meanPredicted(), "observed_rate", b.observedRate())).toList());
        doc.put("gain", metrics.gain().stream().map(g -> Map.of("population", g.population(), "captured",
                g.captured())).toList());
        return doc;
    }

    /** The top inputs by their share of the total gain of every split. */
    private static List<Map<String, Object>> importance(PropensityModel model) {
        Map<String, Double> gain = new LinkedHashMap<>();
        model.model().getFeatureImportance().forEach(i -> i.getTotalGain().forEach((k, v) -> gain.merge(k, v,
                Double::sum)));
        double total = gain.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Map<String, Object>> top = new ArrayList<>();
        gain.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(20)
                .forEach(e -> top.add(Map.of("input", e.getKey(), "gain", total == 0 ? 0 : e.getValue() / total)));
        return top;
    }

    private static Map<String, Object> tree(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(json, Map.class);
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("segment profiles are not valid JSON: " + e.getMessage(), e);
        }
    }

    static String toJson(Map<String, Object> doc) {
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metrics.json: " + e.getMessage(), e);
        }
    }

    static JsonNode toTree(Map<String, Object> doc) {
        return JSON.valueToTree(doc);
    }

    static String summary(Map<String, Double> metrics) {
        return metrics.entrySet().stream().map(e -> e.getKey() + "=" + String.format("%.4f", e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
