package dev.nbo.training.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The paragraph at the top of the report, in plain words: does the model rank better than the best baseline on
 * NDCG@3 (by how much), and was it promoted (why). Marketers read this and little else.
 */
record Verdict(String text, Tone tone) {
    /** How the verdict box is coloured. */
    enum Tone { GOOD, WARNING, NEUTRAL }

    static final String METRIC = "ndcg@3";

    static Verdict of(JsonNode metrics) {
        List<String> sentences = new ArrayList<>();
        Optional<Boolean> beats = compare(Ranker.all(metrics.path("ranking")), sentences);
        Optional<Boolean> promoted = promotion(metrics.path("promotion"), sentences);
        Tone tone;
        if (beats.isEmpty() && promoted.isEmpty()) {
            tone = Tone.NEUTRAL;
        } else {
            tone = beats.orElse(true) && promoted.orElse(true) ? Tone.GOOD : Tone.WARNING;
        }
        return new Verdict(String.join(" ", sentences), tone);
    }

    /** Compares the model with the best baseline; empty when there is nothing to compare. */
    private static Optional<Boolean> compare(List<Ranker> rankers, List<String> sentences) {
        Optional<Ranker> model = rankers.stream().filter(Ranker::isModel).findFirst();
        if (model.isEmpty() || !model.get().metric(METRIC).known()) {
            sentences.add("metrics.json holds no NDCG@3 for the model, so it cannot be compared with the baselines.");
            return Optional.empty();
        }
        Figure score = model.get().metric(METRIC);
        Optional<Ranker> best = rankers.stream().filter(r -> !r.isModel() && r.metric(METRIC).known())
                .max(Comparator.comparingDouble(r -> r.metric(METRIC).value()));
        if (best.isEmpty()) {
            sentences.add("The model reaches an NDCG@3 of " + score.decimal(3) + "; no baseline was evaluated.");
            return Optional.empty();
        }
        Figure baseline = best.get().metric(METRIC);
        boolean beats = score.value() > baseline.value();
        String lift = lift(score, baseline).map(l -> "lift " + l.signedPercent())
                .orElse("no relative lift, the baseline scores 0");
        sentences.add((beats ? "The model beats every baseline" : "The model does not beat the best baseline")
                + ": NDCG@3 " + score.decimal(3) + " against " + baseline.decimal(3) + " for "
                + best.get().displayName() + ", the best baseline (" + lift + ").");
        rankers.stream().filter(r -> r.key().equals(Ranker.RULES) && r != best.get() && r.metric(METRIC).known())
                .findFirst()
                .ifPresent(rules -> sentences.add("Against the marketers' rules (NDCG@3 "
                        + rules.metric(METRIC).decimal(3) + ") the lift is "
                        + lift(score, rules.metric(METRIC)).map(Figure::signedPercent).orElse(Figure.UNKNOWN) + "."));
        return Optional.of(beats);
    }

    /** The relative change of the model over a baseline; none when the baseline scored zero. */
    static Optional<Figure> lift(Figure model, Figure baseline) {
        if (!model.known() || !baseline.known() || baseline.value() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Figure(model.value() / baseline.value() - 1));
    }

    /** States the promotion decision and its reason; empty when the run recorded none. */
    private static Optional<Boolean> promotion(JsonNode promotion, List<String> sentences) {
        JsonNode decision = promotion.path("promoted");
        if (!decision.isBoolean()) {
            sentences.add("No promotion decision was recorded.");
            return Optional.empty();
        }
        String policy = MetricsFields.text(promotion.path("policy")).map(p -> p + " policy").orElse("policy");
        String on = MetricsFields.text(promotion.path("metric")).map(m -> " on " + m).orElse("");
        sentences.add("Decision: " + (decision.booleanValue() ? "promoted" : "not promoted") + " (" + policy + on
                + ")." + MetricsFields.text(promotion.path("reason")).map(r -> " Reason: " + sentence(r)).orElse(""));
        Figure candidate = MetricsFields.number(promotion, "candidate");
        Figure champion = MetricsFields.number(promotion, "champion");
        if (candidate.known() && champion.known()) {
            String version = MetricsFields.text(promotion.path("champion_version")).map(v -> " (" + v + ")")
                    .orElse("");
            sentences.add("Candidate " + candidate.plain() + " against " + champion.plain()
                    + " for the current champion" + version + ".");
        }
        return Optional.of(decision.booleanValue());
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
    }
}
