package dev.nbo.training.report;

import static dev.nbo.training.report.MetricsFields.number;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbo.training.report.HtmlTable.Cell;
import dev.nbo.training.report.SvgLineChart.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * Whether predicted propensities can be read as probabilities: mean prediction against observed conversion rate per
 * decile of prediction, beside the classification figures (AUC, log loss, base rate, mean prediction).
 */
final class CalibrationSection implements ReportSection {
    /** Above this ratio between the largest and smallest rate, a linear axis would crush the low deciles. */
    private static final double LOG_SCALE_RATIO = 20;

    private record Bin(String name, Figure rows, Figure predicted, Figure observed) {
    }

    @Override
    public String id() {
        return "calibration";
    }

    @Override
    public String title() {
        return "Calibration";
    }

    @Override
    public boolean appliesTo(JsonNode metrics) {
        return MetricsFields.present(metrics.path("classification"));
    }

    @Override
    public void render(JsonNode metrics, Html html) {
        JsonNode classification = metrics.path("classification");
        tiles(classification, html);
        List<Bin> bins = bins(classification.path("calibration"));
        List<Point> points = bins.stream().filter(b -> b.predicted().known() && b.observed().known())
                .map(b -> new Point(b.predicted().value(), b.observed().value())).toList();
        if (points.isEmpty()) {
            return;
        }
        html.open("div", "class", "pair");
        html.open("figure").markup(chart(points));
        html.element("figcaption", caption(points));
        html.close("figure");
        table(bins).render(html);
        html.close("div").newline();
    }

    private static void tiles(JsonNode classification, Html html) {
        html.open("div", "class", "tiles");
        tile(html, "AUC", number(classification, "auc").decimal(3), "0.5 is random, 1 is perfect");
        tile(html, "Log loss", number(classification, "log_loss").decimal(4), "lower is better");
        tile(html, "Base rate", number(classification, "base_rate").rate(), "conversions per holdout pair");
        tile(html, "Mean prediction", number(classification, "mean_prediction").rate(),
                "close to the base rate when calibrated");
        html.close("div").newline();
    }

    private static void tile(Html html, String name, String value, String hint) {
        html.open("div", "class", "tile").element("div", name, "class", "tile-name")
                .element("div", value, "class", "tile-value").element("div", hint, "class", "tile-hint")
                .close("div");
    }

    private static List<Bin> bins(JsonNode calibration) {
        List<Bin> bins = new ArrayList<>();
        List<JsonNode> elements = MetricsFields.elements(calibration);
        for (int i = 0; i < elements.size(); i++) {
            JsonNode bin = elements.get(i);
            String name = MetricsFields.text(bin.path("bin")).orElse(Integer.toString(i + 1));
            bins.add(new Bin(name, number(bin, "rows"), number(bin, "mean_predicted"), number(bin, "observed_rate")));
        }
        return bins;
    }

    private static String chart(List<Point> points) {
        Scale scale = scale(points);
        List<Point> diagonal = List.of(new Point(scale.min(), scale.min()), new Point(scale.max(), scale.max()));
        Axis predicted = new Axis("Mean predicted", scale, CalibrationSection::tick, v -> new Figure(v).rate());
        Axis observed = new Axis("Observed rate", scale, CalibrationSection::tick, v -> new Figure(v).rate());
        return new SvgLineChart("Calibration: mean predicted against observed conversion rate per decile", predicted,
                observed, 480, 340)
                .reference("Perfect calibration", diagonal)
                .line("Model", Palette.MODEL, points)
                .render();
    }

    /** The same scale on both axes, so that the diagonal is perfect calibration; log when rates span decades. */
    static Scale scale(List<Point> points) {
        double max = values(points).max().orElse(1);
        double minPositive = values(points).filter(v -> v > 0).min().orElse(max);
        if (max > 0 && max / minPositive >= LOG_SCALE_RATIO) {
            return LogScale.covering(minPositive, max);
        }
        return LinearScale.covering(0, max, 5);
    }

    private static DoubleStream values(List<Point> points) {
        return points.stream().flatMapToDouble(p -> DoubleStream.of(p.x(), p.y()));
    }

    private static String tick(double rate) {
        return new Figure(rate * 100).plain() + "%";
    }

    private static String caption(List<Point> points) {
        String text = "Each marker is one decile of predicted propensity; on the dashed diagonal predictions equal "
                + "observed rates. Above it the model under-predicts, below it over-predicts.";
        Scale scale = scale(points);
        if (scale instanceof LogScale) {
            text += " Both axes are logarithmic because the rates span " + Math.round(Math.log10(scale.max()
                    / scale.min())) + " decades.";
            if (points.stream().anyMatch(p -> !scale.contains(p.y()) || !scale.contains(p.x()))) {
                text += " Hollow markers: a rate of 0, drawn on the edge of the axis.";
            }
        }
        return text;
    }

    private static HtmlTable table(List<Bin> bins) {
        HtmlTable table = new HtmlTable("Per decile of predicted propensity").heading("Decile")
                .numericHeading("Pairs").numericHeading("Mean predicted").numericHeading("Observed")
                .numericHeading("Observed ÷ predicted");
        for (Bin bin : bins) {
            Figure ratio = bin.predicted().known() && bin.predicted().value() > 0
                    ? new Figure(bin.observed().value() / bin.predicted().value()) : Figure.unknown();
            table.row(List.of(Cell.text(bin.name()), Cell.number(bin.rows().count()),
                    Cell.number(bin.predicted().rate()), Cell.number(bin.observed().rate()),
                    Cell.number(ratio.decimal(2))));
        }
        return table;
    }
}
