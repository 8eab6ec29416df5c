package dev.nbo.training.report;

import static dev.nbo.training.report.MetricsFields.number;
import static dev.nbo.training.report.MetricsFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The top of the report: which model and data, the verdict in plain words, and the facts of the run. */
final class ReportHeader {
    /** Why training dates are dropped; the trainer drops a date for no other reason. */
    static final String DROPPED_REASON = "label window overlaps the holdout";

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ReportHeader() {
    }

    static void render(JsonNode metrics, Html html) {
        html.open("header", "class", "masthead");
        html.element("p", "NBO training report", "class", "kicker");
        html.open("h1").text(text(metrics, "model")).text(" ")
                .element("span", text(metrics, "version"), "class", "version").close("h1");
        html.element("p", "Trained " + created(metrics.path("created_at")), "class", "created");
        html.close("header").newline();
        Verdict verdict = Verdict.of(metrics);
        html.open("div", "class", "verdict " + verdict.tone().name().toLowerCase(Locale.ROOT), "role", "note");
        html.element("h2", "Verdict").element("p", verdict.text()).close("div").newline();
        facts(metrics, html);
    }

    static String created(JsonNode createdAt) {
        return text(createdAt).map(value -> {
            try {
                return CREATED.format(Instant.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }).orElse(Figure.UNKNOWN);
    }

    private static void facts(JsonNode metrics, Html html) {
        html.open("dl", "class", "facts");
        fact(html, "Data snapshot", text(metrics, "snapshot_id"));
        fact(html, "Label horizon", text(metrics, "horizon"));
        fact(html, "Train dates", dates(metrics.path("train_dates")));
        fact(html, "Holdout dates", dates(metrics.path("holdout_dates")));
        List<String> dropped = MetricsFields.texts(metrics.path("dropped_train_dates"));
        if (!dropped.isEmpty()) {
            fact(html, "Dropped train dates", String.join(", ", dropped) + " (" + DROPPED_REASON + ")");
        }
        JsonNode train = metrics.path("train");
        if (MetricsFields.present(train)) {
            fact(html, "Training pairs", pairs(train));
        }
        JsonNode holdout = metrics.path("holdout");
        if (MetricsFields.present(holdout)) {
            String customers = "";
            if (number(holdout, "customers").known()) {
                customers = "; " + number(holdout, "customers").count() + " customers, "
                        + number(holdout, "customers_with_conversion").count() + " with a conversion";
            }
            fact(html, "Holdout pairs", pairs(holdout) + customers);
        }
        html.close("dl").newline();
    }

    /** Rows and positives, with the positive rate that tells how rare the event is. */
    private static String pairs(JsonNode counts) {
        Figure rows = number(counts, "rows");
        Figure positives = number(counts, "positives");
        Figure rate = rows.known() && rows.value() > 0 ? new Figure(positives.value() / rows.value())
                : Figure.unknown();
        return rows.count() + " pairs, " + positives.count() + " positive (" + rate.rate() + ")";
    }

    private static String dates(JsonNode dates) {
        List<String> texts = MetricsFields.texts(dates);
        return texts.isEmpty() ? Figure.UNKNOWN : String.join(", ", texts);
    }

    private static void fact(Html html, String name, String value) {
        html.open("div").element("dt", name).element("dd", value).close("div");
    }
}
