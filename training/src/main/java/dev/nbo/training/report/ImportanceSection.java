package dev.nbo.training.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which inputs the trees split on most: each input's share of the total gain, largest first. */
final class ImportanceSection implements ReportSection {
    /** Beyond twenty inputs the bars get too thin to read and the tail carries little gain. */
    static final int TOP = 20;

    private record Importance(String input, Figure gain) {
    }

    @Override
    public String id() {
        return "importance";
    }

    @Override
    public String title() {
        return "Feature importance";
    }

    @Override
    public boolean appliesTo(JsonNode metrics) {
        return !importances(metrics).isEmpty();
    }

    @Override
    public void render(JsonNode metrics, Html html) {
        List<Importance> importances = importances(metrics);
        SvgHorizontalBarChart chart = new SvgHorizontalBarChart("Share of the total gain per model input",
                "Share of total gain", v -> new Figure(v).percent(1), 960);
        importances.forEach(i -> chart.bar(i.input(), i.gain().value()));
        double covered = importances.stream().map(Importance::gain).filter(Figure::known)
                .mapToDouble(Figure::value).sum();
        html.open("figure").markup(chart.render());
        html.element("figcaption", "Share of the total gain of the trees' splits per input; the "
                + importances.size() + " inputs shown account for " + new Figure(covered).percent(0)
                + " of it. Importance says what the model relies on, not that an input causes conversions.");
        html.close("figure").newline();
    }

    /**
     * The top inputs by gain. Entries name the input under {@code input} (or {@code feature} / {@code name}) and the
     * share under {@code gain} (or {@code importance}), since the writer of metrics.json may vary.
     */
    private static List<Importance> importances(JsonNode metrics) {
        List<Importance> importances = new ArrayList<>();
        for (JsonNode entry : MetricsFields.elements(metrics.path("feature_importance"))) {
            String input = MetricsFields.text(entry.path("input"))
                    .or(() -> MetricsFields.text(entry.path("feature")))
                    .or(() -> MetricsFields.text(entry.path("name"))).orElse(Figure.UNKNOWN);
            Figure gain = MetricsFields.number(entry.has("gain") ? entry.path("gain") : entry.path("importance"));
            importances.add(new Importance(input, gain));
        }
        importances.sort(Comparator.comparingDouble((Importance i) -> i.gain().known() ? i.gain().value() : -1)
                .reversed());
        return importances.size() > TOP ? importances.subList(0, TOP) : importances;
    }
}
