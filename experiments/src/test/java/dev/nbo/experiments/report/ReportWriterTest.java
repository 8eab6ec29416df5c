package dev.nbo.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.models.text.HtmlText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {
    private static final String EVIL = "<script>alert('x')</script>";

    private static ExperimentReport report() {
        List<Unit> units = new ArrayList<>(Tables.withCovariate(5, 300, 1.5).units());
        List<Unit> renamed = new ArrayList<>();
        for (Unit unit : units) {
            renamed.add(new Unit(unit.arm().equals("model") ? EVIL : unit.arm(),
                    new double[] {unit.metric(0), unit.metric(0) > 25 ? 1 : 0}, unit.covariate(), unit.timeMicros()));
        }
        UnitTable table = new UnitTable(List.of("revenue", "big, \"spender\""), java.util.Set.of("big, \"spender\""),
                renamed);
        Map<String, Double> split = Map.of("control", 0.5, EVIL, 0.5);
        List<LoggedDecision> log = List.of(new LoggedDecision("a", 1, Map.of("control", "a", EVIL, "b"), split),
                new LoggedDecision("b", 0, Map.of("control", "a", EVIL, "b"), split),
                new LoggedDecision("a", 1, Map.of("control", "a", EVIL, "a"), split));
        return ReportEngine.analyze(table, new ReportSettings("Title & <b>", "control", Map.of(), true, 0.95, 0.001),
                log);
    }

    @Test
    void writesThreeFilesAtomicallyWithNothingLeftOver(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nested/out");
        ReportWriter.write(report(), out);
        ReportWriter.write(report(), out);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.json", "report.csv", "report.html");
        }
    }

    @Test
    void jsonRoundTrips(@TempDir Path dir) throws Exception {
        ExperimentReport report = report();
        ReportWriter.write(report, dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(ReportJson.fromJson(json)).isEqualTo(report);
        assertThat(json.toString()).isEqualTo(ReportJson.toJson(report).toString());
        assertThat(json.at("/settings/controlArm").asText()).isEqualTo("control");
        assertThat(json.at("/comparisons/0/pAdjusted").isNumber()).isTrue();
        assertThat(json.at("/srm/mismatch").isBoolean()).isTrue();
        assertThat(json.at("/offPolicy/1/arm").asText()).isEqualTo(EVIL);
    }

    @Test
    void csvHasAHeaderAndOneRowPerArmAndMetric(@TempDir Path dir) throws Exception {
        ExperimentReport report = report();
        ReportWriter.write(report, dir);
        String csv = Files.readString(dir.resolve("report.csv"));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("arm,metric,kind,units,value,ci_low,ci_high,lift_abs,lift_abs_low,"
                + "lift_abs_high,lift_rel,lift_rel_low,lift_rel_high,p_value,p_adjusted,verdict");
        assertThat(lines).hasSize(1 + 2 * 2);
        assertThat(lines.get(1)).startsWith("control,revenue,continuous,300,").endsWith(",,,,,,,,,");
        assertThat(lines.get(2)).startsWith("control,\"big, \"\"spender\"\"\",binary,300,");
        String treatmentRow = lines.get(3);
        assertThat(treatmentRow).startsWith(EVIL + ",revenue,continuous,300,")
                .endsWith(",\"" + report.comparisons().get(0).verdict().replace("\"", "\"\"") + "\"");
    }

    @Test
    void htmlShowsTheVerdictsAndEscapesEveryInputString(@TempDir Path dir) throws Exception {
        ExperimentReport report = report();
        ReportWriter.write(report, dir);
        String html = Files.readString(dir.resolve("report.html"));

        assertThat(html).doesNotContain("<script").doesNotContain("Title & <b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("Title &amp; &lt;b&gt;");
        for (String verdict : report.verdicts()) {
            assertThat(html).contains(HtmlText.escape(verdict));
        }
        assertThat(html).contains("class=\"banner ok\"").contains("<svg").contains("Cumulative lift over time")
                .contains("Off-policy estimates").contains("<h2>Settings</h2>");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link")
                .doesNotContain(" src=").doesNotContain("href").doesNotContain("url(");
    }

    @Test
    void csvProtectsSpreadsheetsFromFormulas() {
        assertThat(CsvReport.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvReport.text("@sum")).isEqualTo("'@sum");
        assertThat(CsvReport.text("plain")).isEqualTo("plain");
    }
}
