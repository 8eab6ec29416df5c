package dev.nbo.training.report;

import static dev.nbo.training.report.MetricsFields.number;
import static dev.nbo.training.report.MetricsFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbo.training.report.HtmlTable.Cell;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the model is and how to reproduce it: the ONNX parity check (exported = trained), the data and code it came
 * from, its hyper-parameters and how long each step took.
 */
final class ProvenanceSection implements ReportSection {
    private static final String SECONDS_SUFFIX = "_seconds";

    @Override
    public String id() {
        return "provenance";
    }

    @Override
    public String title() {
        return "Parity and provenance";
    }

    @Override
    public boolean appliesTo(JsonNode metrics) {
        return true;
    }

    @Override
    public void render(JsonNode metrics, Html html) {
        parity(metrics.path("parity"), html);
        html.open("div", "class", "columns");
        provenance(metrics).render(html);
        HtmlTable parameters = hyperParameters(metrics.path("hyper_parameters"));
        if (!parameters.isEmpty()) {
            parameters.render(html);
        }
        HtmlTable timings = timings(metrics.path("timings"));
        if (!timings.isEmpty()) {
            timings.render(html);
        }
        html.close("div").newline();
    }

    /** A badge that cannot be missed (passed, failed, not checked) and the figures behind it. */
    private static void parity(JsonNode parity, Html html) {
        if (!MetricsFields.present(parity)) {
            html.element("p", "No parity check recorded: nothing shows that the exported ONNX model scores like the "
                    + "trained one.", "class", "badge unknown");
            return;
        }
        JsonNode passed = parity.path("passed");
        Figure diff = number(parity, "max_abs_diff");
        Figure tolerance = number(parity, "tolerance");
        if (passed.isBoolean() && passed.booleanValue()) {
            html.element("p", "Parity passed: ONNX Runtime scores equal the trained model's within "
                    + tolerance.plain() + " (largest difference " + diff.plain() + ").", "class", "badge pass");
        } else if (passed.isBoolean()) {
            html.element("p", "Parity FAILED: ONNX Runtime scores differ from the trained model's by up to "
                    + diff.plain() + ", above the tolerance " + tolerance.plain()
                    + ". Do not serve this model.", "class", "badge fail");
        } else {
            html.element("p", "Parity not decided: metrics.json gives no pass or fail.", "class", "badge unknown");
        }
        new HtmlTable("ONNX parity on the holdout").heading("Check").numericHeading("Value")
                .row(List.of(Cell.text("Scores compared"), Cell.number(number(parity, "rows").count())))
                .row(List.of(Cell.text("Largest absolute difference"), Cell.number(diff.plain())))
                .row(List.of(Cell.text("Tolerance"), Cell.number(tolerance.plain())))
                .row(List.of(Cell.text("Segment assignments compared"),
                        Cell.number(number(parity, "segment_rows").count())))
                .row(List.of(Cell.text("Segment mismatches"), mismatches(number(parity, "segment_mismatches"))))
                .styled("parity").render(html);
    }

    private static Cell mismatches(Figure count) {
        Cell cell = Cell.number(count.count());
        return count.known() && count.value() > 0 ? cell.styled("bad").strong() : cell;
    }

    private static HtmlTable provenance(JsonNode metrics) {
        return new HtmlTable("Provenance").heading("Item").heading("Value").styled("keys")
                .row(List.of(Cell.text("Model"), Cell.text(text(metrics, "model"))))
                .row(List.of(Cell.text("Version"), Cell.text(text(metrics, "version"))))
                .row(List.of(Cell.text("Created"), Cell.text(ReportHeader.created(metrics.path("created_at")))))
                .row(List.of(Cell.text("Data snapshot"), Cell.text(text(metrics, "snapshot_id")).styled("hash")))
                .row(List.of(Cell.text("Feature spec hash"),
                        Cell.text(text(metrics, "feature_spec_hash")).styled("hash")))
                .row(List.of(Cell.text("Code version"), Cell.text(text(metrics, "code_version"))));
    }

    private static HtmlTable hyperParameters(JsonNode parameters) {
        HtmlTable table = new HtmlTable("Hyper-parameters").heading("Parameter").numericHeading("Value");
        for (Map.Entry<String, JsonNode> entry : MetricsFields.fields(parameters)) {
            table.row(List.of(Cell.text(entry.getKey()), Cell.number(MetricsFields.display(entry.getValue()))));
        }
        return table;
    }

    private static HtmlTable timings(JsonNode timings) {
        HtmlTable table = new HtmlTable("Timings").heading("Step").numericHeading("Wall clock");
        double total = 0;
        for (Map.Entry<String, JsonNode> entry : MetricsFields.fields(timings)) {
            Figure seconds = number(entry.getValue());
            table.row(List.of(Cell.text(step(entry.getKey())), Cell.number(seconds.seconds())));
            total += seconds.known() ? seconds.value() : 0;
        }
        if (!table.isEmpty()) {
            table.row(List.of(Cell.text("Total"), Cell.number(new Figure(total).seconds()).strong()), "total");
        }
        return table;
    }

    /** {@code evaluate_seconds -> Evaluate}. */
    private static String step(String key) {
        String name = key.endsWith(SECONDS_SUFFIX) ? key.substring(0, key.length() - SECONDS_SUFFIX.length()) : key;
        name = name.replace('_', ' ');
        return name.isEmpty() ? key : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
