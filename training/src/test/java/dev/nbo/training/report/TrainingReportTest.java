package dev.nbo.training.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class TrainingReportTest {
    @TempDir
    Path folder;

    @Test
    void aFullRunIsWrittenAsOneWellFormedSelfContainedPageUnder200Kb() throws Exception {
        Path html = folder.resolve("report.html");

        TrainingReport.write(ReportFixtures.full(), html);

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(Files.size(html)).isLessThan(200 * 1024);
        Document document = ReportFixtures.parseXml(page);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(page).doesNotContain("http://", "https://", "<script", "<link", "<img", "src=", "url(",
                "@import");
        assertThat(folder.resolve("report.html.partial")).doesNotExist();
    }

    @Test
    void everyChartIsOneClosedSvgFragment() throws Exception {
        String page = TrainingReport.render(ReportFixtures.full());

        List<String> charts = ReportFixtures.svgFragments(page);

        // Ranking bars, gain curve, lift bars, calibration, feature importance, segment selection.
        assertThat(charts).hasSize(6);
        assertThat(page.split("<svg\\b", -1)).hasSize(7);
        for (String chart : charts) {
            assertThat(ReportFixtures.parseXml(chart).getDocumentElement().getTagName()).isEqualTo("svg");
        }
        assertThat(charts.get(0)).contains("aria-label=\"NDCG@3 and hit rate@3 per ranker\"");
        assertThat(charts.get(3)).contains("Calibration");
    }

    @Test
    void theVerdictNamesTheBestBaselineTheLiftAndThePromotion() {
        String page = TrainingReport.render(ReportFixtures.full());

        // Buy again has the best baseline NDCG@3 (0.41); the model's 0.58 is 41.5% above it.
        assertThat(page).contains("The model beats every baseline: NDCG@3 0.580 against 0.410 for Buy again, the best "
                + "baseline (lift +41.5%).");
        assertThat(page).contains("Against the marketers&#39; rules (NDCG@3 0.390) the lift is +48.7%.");
        assertThat(page).contains("Decision: promoted (auto policy on ndcg@3). Reason: first model: promoted.");
        assertThat(page).contains("class=\"verdict good\"");
    }

    @Test
    void theSectionsFollowTheOrderOfTheBrief() {
        String page = TrainingReport.render(ReportFixtures.full());

        List<String> marks = List.of("<h1>", "class=\"verdict", "<h2>Model vs baselines</h2>",
                "<h2>Gain and lift</h2>", "<h2>Calibration</h2>", "<h2>Feature importance</h2>",
                "<h2>Segments</h2>", "<h2>Parity and provenance</h2>", "<footer>");
        // Plain indexOf: AssertJ's containsSubsequence takes seconds on a 50 KB page.
        List<Integer> positions = marks.stream().map(page::indexOf).toList();
        assertThat(positions).doesNotContain(-1).isSorted();
    }

    @Test
    void theHeaderGivesTheRunFactsAndWhyADateWasDropped() {
        String page = TrainingReport.render(ReportFixtures.full());

        assertThat(page).contains("Trained 29 Nov 2026, 21:30 UTC", "1003423bfccdd894", "2025-09-03, 2025-10-03",
                "2025-11-02 (label window overlaps the holdout)", "22,253 pairs, 988 positive (4.44%)",
                "45,851 pairs, 716 positive (1.56%); 2,950 customers, 640 with a conversion");
    }

    @Test
    void theBestValueOfEachRankingColumnIsBold() {
        String page = TrainingReport.render(ReportFixtures.full());

        String modelRow = page.substring(page.indexOf("<tr class=\"model\">"));
        modelRow = modelRow.substring(0, modelRow.indexOf("</tr>"));
        assertThat(modelRow).contains("<strong>0.580</strong>", "<strong>0.620</strong>");
        // Buy again's NDCG@3 (0.410) is the best baseline but not the best of its column.
        assertThat(page).doesNotContain("<strong>0.410</strong></td><td class=\"num\">0.490");
        assertThat(page).contains("<td class=\"num\">0.410</td><td class=\"num\">0.570</td>");
    }

    @Test
    void parityAndProvenanceShowThePassAndTheHashes() {
        String page = TrainingReport.render(ReportFixtures.full());

        assertThat(page).contains("class=\"badge pass\"", "largest difference 3.1e\u22127",
                "da5be05c9f1e4b7d2a3c8e6f0b1d4a7c9e2f5b8d1a4c7e0f3b6d9a2c5e8f1b4d", "<td>max_depth</td>",
                "<td class=\"num\">12.4 s</td>", "<strong>21.1 s</strong>");
    }

    @Test
    void aFailedParityIsAWarningNotToServe() {
        ObjectNode metrics = ReportFixtures.full();
        ((ObjectNode) metrics.path("parity")).put("passed", false).put("max_abs_diff", 0.003);

        String page = TrainingReport.render(metrics);

        assertThat(page).contains("class=\"badge fail\"", "Parity FAILED", "0.003", "Do not serve this model.");
    }

    @Test
    void namesFromMetricsAreEscapedEverywhere() throws Exception {
        ObjectNode metrics = ReportFixtures.full();
        String attack = "<script>alert(\"x\")</script>";
        ObjectNode ranking = (ObjectNode) metrics.path("ranking");
        ranking.set(attack, ranking.remove("buy_again"));
        ((ObjectNode) metrics.path("segments").path("profiles").get(0)).put("name", attack);
        ((ObjectNode) metrics.path("feature_importance").get(0)).put("input", "<img src=x onerror=alert(1)>");
        metrics.put("model", "a & b <i>");

        String page = TrainingReport.render(metrics);

        assertThat(page).doesNotContain("<script", "<img", "<i>");
        assertThat(page).contains("for &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;, the best baseline",
                "a &amp; b &lt;i&gt;");
        ReportFixtures.parseXml(page);
        for (String chart : ReportFixtures.svgFragments(page)) {
            ReportFixtures.parseXml(chart);
        }
    }

    @Test
    void aMinimalRunWithoutRulesSegmentsOrParityRenders() throws Exception {
        Path html = folder.resolve("report.html");

        TrainingReport.write(ReportFixtures.minimal(), html);

        String page = Files.readString(html, StandardCharsets.UTF_8);
        ReportFixtures.parseXml(page);
        assertThat(page).doesNotContain("<h2>Segments</h2>", "<h2>Feature importance</h2>", "<h2>Gain and lift</h2>",
                "Marketers", "label window overlaps", "NaN");
        assertThat(page).contains("<h2>Model vs baselines</h2>", "<h2>Calibration</h2>",
                "No parity check recorded", "class=\"verdict warning\"",
                "Decision: not promoted (auto policy on ndcg@3). Reason: champion scores higher.",
                "Candidate 0.41 against 0.44 for the current champion (20261101-060000).");
        // Only the @3 metrics were evaluated, so the table leaves out the top 1 and top 5 blocks; AUC is null.
        assertThat(page).contains(">Top 3</th>", "<div class=\"tile-value\">\u2013</div>")
                .doesNotContain(">Top 1</th>", ">Top 5</th>");
        assertThat(ReportFixtures.svgFragments(page)).hasSize(1);
    }

    @Test
    void unknownNumbersShowAsADashNeverAsNaN() {
        ObjectNode metrics = ReportFixtures.full();
        ((ObjectNode) metrics.path("classification")).put("auc", Double.NaN).put("log_loss", "NaN")
                .put("base_rate", Double.POSITIVE_INFINITY);
        ((ObjectNode) metrics.path("ranking").path("random")).put("ndcg@3", Double.NaN).putNull("hit_rate@3");
        ((ObjectNode) metrics.path("classification").path("calibration").get(0)).put("observed_rate", Double.NaN);
        ((ObjectNode) metrics.path("feature_importance").get(1)).putNull("gain");
        ((ObjectNode) metrics.path("timings")).put("train_seconds", Double.NaN);

        String page = TrainingReport.render(metrics);

        assertThat(page).doesNotContain("NaN", "Infinity", "\u221e");
        assertThat(page).contains("<div class=\"tile-value\">\u2013</div>");
    }

    @Test
    void anEmptyObjectGivesAPageWithTheHeaderAndProvenanceOnly() throws Exception {
        String page = TrainingReport.render(ReportFixtures.JSON.createObjectNode());

        ReportFixtures.parseXml(page);
        assertThat(page).contains("metrics.json holds no NDCG@3 for the model", "No promotion decision was recorded.",
                "class=\"verdict neutral\"", "<h2>Parity and provenance</h2>");
        assertThat(ReportFixtures.svgFragments(page)).isEmpty();
    }

    @Test
    void sectionsOfTheWrongShapeAreSkippedWithoutError() {
        ObjectNode metrics = ReportFixtures.full();
        metrics.put("ranking", "not an object");
        metrics.putArray("classification");
        metrics.put("segments", 4);
        metrics.putObject("feature_importance");

        assertThatCode(() -> TrainingReport.render(metrics)).doesNotThrowAnyException();
        assertThat(TrainingReport.render(metrics)).doesNotContain("<h2>Model vs baselines</h2>",
                "<h2>Feature importance</h2>", "<h2>Gain and lift</h2>");
    }

    @Test
    void writeReplacesAnOlderReport() throws Exception {
        Path html = folder.resolve("report.html");
        Files.writeString(html, "old");

        TrainingReport.write(ReportFixtures.minimal(), html);

        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("20261201-060000");
    }

    @Test
    void metricsThatAreNotAnObjectAreRefusedWithTheirType() {
        assertThatThrownBy(() -> TrainingReport.write(ReportFixtures.JSON.createArrayNode(),
                folder.resolve("report.html")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got ARRAY");
    }
}
