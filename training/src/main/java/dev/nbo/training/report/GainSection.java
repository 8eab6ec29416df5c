package dev.nbo.training.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbo.training.report.SvgLineChart.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cumulative gain curve (share of conversions captured when targeting the top share of pairs by score) against
 * the diagonal of random targeting, and the lift at each population share.
 */
final class GainSection implements ReportSection {
    /** The share of the population that the summary sentence talks about: a typical campaign's targeting depth. */
    private static final double HEADLINE_POPULATION = 0.1;

    @Override
    public String id() {
        return "gain";
    }

    @Override
    public String title() {
        return "Gain and lift";
    }

    @Override
    public boolean appliesTo(JsonNode metrics) {
        return points(metrics).size() >= 2;
    }

    @Override
    public void render(JsonNode metrics, Html html) {
        List<Point> gain = points(metrics);
        headline(gain).ifPresent(text -> html.element("p", text, "class", "lead"));
        html.open("div", "class", "pair");
        html.open("figure").markup(gainChart(gain));
        html.element("figcaption", "Cumulative gain: share of all conversions found in the top x% of pairs ranked "
                + "by predicted propensity. The dashed diagonal is random targeting.");
        html.close("figure");
        List<Point> lift = lift(gain);
        if (!lift.isEmpty()) {
            html.open("figure").markup(liftChart(lift));
            html.element("figcaption", "Cumulative lift: conversions captured in the top x% divided by x%. A lift of "
                    + "3 means three times as many conversions as a random pick of the same size.");
            html.close("figure");
        }
        html.close("div").newline();
    }

    private static List<Point> points(JsonNode metrics) {
        List<Point> points = new ArrayList<>();
        for (JsonNode point : MetricsFields.elements(metrics.path("classification").path("gain"))) {
            Figure population = MetricsFields.number(point, "population");
            Figure captured = MetricsFields.number(point, "captured");
            if (population.known() && captured.known()) {
                points.add(new Point(population.value(), captured.value()));
            }
        }
        points.sort((a, b) -> Double.compare(a.x(), b.x()));
        return points;
    }

    private static List<Point> lift(List<Point> gain) {
        return gain.stream().filter(p -> p.x() > 0).map(p -> new Point(p.x(), p.y() / p.x())).toList();
    }

    /** "The top 10% … hold 52% of the conversions, 5.2 times …", at the point nearest to the headline share. */
    private static Optional<String> headline(List<Point> gain) {
        return gain.stream().filter(p -> p.x() > 0)
                .min((a, b) -> Double.compare(Math.abs(a.x() - HEADLINE_POPULATION),
                        Math.abs(b.x() - HEADLINE_POPULATION)))
                .map(p -> "Targeting the top " + new Figure(p.x()).percent(0) + " of pairs by predicted propensity "
                        + "captures " + new Figure(p.y()).percent(0) + " of the conversions: "
                        + new Figure(p.y() / p.x()).decimal(1) + " times as many as a random pick of the same size.");
    }

    private static String gainChart(List<Point> gain) {
        Axis population = new Axis("Population targeted", new LinearScale(0, 1, 0.2),
                v -> new Figure(v).percent(0));
        Axis captured = new Axis("Conversions captured", new LinearScale(0, 1, 0.2), v -> new Figure(v).percent(0));
        return new SvgLineChart("Cumulative gain of the model against random targeting", population, captured, 480,
                320)
                .reference("Random", List.of(new Point(0, 0), new Point(1, 1)))
                .line("Model", Palette.MODEL, gain)
                .render();
    }

    private static String liftChart(List<Point> lift) {
        List<String> buckets = lift.stream().map(p -> new Figure(p.x()).percent(0)).toList();
        List<Double> values = lift.stream().map(Point::y).toList();
        return new SvgBarChart("Cumulative lift per population share", buckets, "Cumulative lift",
                v -> new Figure(v).decimal(1), 480, 320)
                .series("Lift", Palette.MODEL, values)
                .reference(1, "Random (lift 1)")
                .categoryName("Population targeted")
                .render();
    }
}
