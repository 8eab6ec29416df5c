package dev.nbo.training.report;

import static dev.nbo.training.report.MetricsFields.number;
import static dev.nbo.training.report.MetricsFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbo.training.report.HtmlTable.Cell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer segments (k-means): how k was chosen, then who is in each segment. The segments JSON is written by
 * another part of training, so every field is optional and a differently shaped field degrades to a dash.
 */
final class SegmentsSection implements ReportSection {
    private record Profile(String name, Figure size, Figure share, String distinct, Map<String, Figure> centroid) {
    }

    @Override
    public String id() {
        return "segments";
    }

    @Override
    public String title() {
        return "Segments";
    }

    @Override
    public boolean appliesTo(JsonNode metrics) {
        return MetricsFields.present(metrics.path("segments"));
    }

    @Override
    public void render(JsonNode metrics, Html html) {
        JsonNode segments = metrics.path("segments");
        List<String> features = MetricsFields.texts(segments.path("features"));
        html.element("p", intro(segments, features), "class", "lead");
        selectionChart(segments).ifPresent(chart -> {
            html.open("figure", "class", "small").markup(chart);
            html.element("figcaption", "Score of each candidate k; the chosen k in bold.");
            html.close("figure");
        });
        List<Profile> profiles = profiles(segments.path("profiles"), features);
        if (profiles.isEmpty()) {
            return;
        }
        profileTable(profiles).render(html);
        HtmlTable centroids = centroidTable(profiles, features);
        if (!centroids.isEmpty()) {
            centroids.render(html);
        }
    }

    private static String intro(JsonNode segments, List<String> features) {
        Figure k = number(segments, "k");
        String text = (k.known() ? k.count() + " segments" : "Segments") + text(segments.path("criterion"))
                .map(c -> ", k chosen by the best " + c + " score").orElse("") + ".";
        if (!features.isEmpty()) {
            text += " Clustered on " + features.size() + " inputs: " + String.join(", ", features) + ".";
        }
        return text;
    }

    private static Optional<String> selectionChart(JsonNode segments) {
        List<String> candidates = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        String criterion = text(segments.path("criterion")).orElse("score");
        Figure chosen = number(segments, "k");
        int emphasised = -1;
        for (JsonNode candidate : MetricsFields.elements(segments.path("selection"))) {
            Figure k = number(candidate, "k");
            Figure score = number(candidate.has("score") ? candidate.path("score") : candidate.path(criterion));
            if (k.known()) {
                if (chosen.known() && k.value() == chosen.value()) {
                    emphasised = candidates.size();
                }
                candidates.add("k = " + k.count());
                scores.add(score.value());
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        SvgBarChart chart = new SvgBarChart("Segment count selection by " + criterion, candidates,
                capitalised(criterion), v -> new Figure(v).decimal(2), 480, 240)
                .series(criterion, Palette.MODEL, scores);
        if (emphasised >= 0) {
            chart.emphasise(emphasised);
        }
        return Optional.of(chart.render());
    }

    private static List<Profile> profiles(JsonNode profiles, List<String> features) {
        List<Profile> result = new ArrayList<>();
        List<JsonNode> elements = MetricsFields.elements(profiles);
        double total = elements.stream().mapToDouble(p -> number(p, "size").value()).sum();
        for (JsonNode profile : elements) {
            String id = text(profile.path("id")).orElse(Integer.toString(result.size()));
            String name = text(profile.path("name")).orElse("Segment " + id);
            Figure size = number(profile, "size");
            Figure share = number(profile, "share");
            if (!share.known() && size.known() && total > 0) {
                share = new Figure(size.value() / total);
            }
            result.add(new Profile(name, size, share, distinct(profile.path("distinct")),
                    centroid(profile.path("centroid"), features)));
        }
        return result;
    }

    /** "high spend_365d (z 1.8); low recency_days (z −1.2)"; plain strings are taken as written. */
    private static String distinct(JsonNode distinct) {
        List<String> parts = new ArrayList<>();
        for (JsonNode trait : MetricsFields.elements(distinct)) {
            if (trait.isObject()) {
                String direction = text(trait.path("direction")).map(d -> d + " ").orElse("");
                Figure z = number(trait, "z");
                parts.add(direction + text(trait, "feature") + (z.known() ? " (z " + z.decimal(1) + ")" : ""));
            } else {
                text(trait).ifPresent(parts::add);
            }
        }
        return parts.isEmpty() ? Figure.UNKNOWN : String.join("; ", parts);
    }

    /** An object of feature → value, or an array of values in the order of {@code features}. */
    private static Map<String, Figure> centroid(JsonNode centroid, List<String> features) {
        Map<String, Figure> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : MetricsFields.fields(centroid)) {
            values.put(entry.getKey(), number(entry.getValue()));
        }
        List<JsonNode> array = MetricsFields.elements(centroid);
        for (int i = 0; i < array.size() && i < features.size(); i++) {
            values.put(features.get(i), number(array.get(i)));
        }
        return values;
    }

    private static HtmlTable profileTable(List<Profile> profiles) {
        HtmlTable table = new HtmlTable("Segment profiles").heading("Segment").numericHeading("Customers")
                .numericHeading("Share").heading("What sets it apart (z: standard deviations from the mean)");
        for (Profile p : profiles) {
            table.row(List.of(Cell.text(p.name()), Cell.number(p.size().count()), Cell.number(p.share().percent(1)),
                    Cell.text(p.distinct())));
        }
        return table;
    }

    /** Features down, segments across: the compact form for comparing the typical member of each segment. */
    private static HtmlTable centroidTable(List<Profile> profiles, List<String> features) {
        Set<String> rows = new LinkedHashSet<>(features);
        profiles.forEach(p -> rows.addAll(p.centroid().keySet()));
        HtmlTable table = new HtmlTable("Centroids: the typical member of each segment").styled("compact")
                .heading("Input");
        profiles.forEach(p -> table.numericHeading(p.name()));
        if (profiles.stream().allMatch(p -> p.centroid().isEmpty())) {
            return table;
        }
        for (String feature : rows) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(feature));
            profiles.forEach(p -> cells.add(Cell.number(p.centroid().getOrDefault(feature, Figure.unknown()).plain())));
            table.row(cells);
        }
        return table;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
