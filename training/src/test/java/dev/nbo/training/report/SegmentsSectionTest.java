package dev.nbo.training.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SegmentsSectionTest {
    private static String render(ObjectNode metrics) {
        Html html = new Html();
        new SegmentsSection().render(metrics, html);
        return html.toString();
    }

    @Test
    void profilesShowNameSizeShareAndWhatSetsThemApart() {
        String body = render(ReportFixtures.full());

        assertThat(body).contains("4 segments, k chosen by the best silhouette score.",
                "<td>Big spenders</td><td class=\"num\">812</td><td class=\"num\">27.5%</td>",
                "high spend_365d (z 1.8); high orders_365d (z 1.5)", "low sessions_30d (z \u22121.1)",
                "<th class=\"num\">Browsers</th>", "<td>spend_365d</td><td class=\"num\">820</td>");
        // The chosen k is written in bold under its bar.
        assertThat(body).contains("class=\"tick strong\">k = 4</text>");
    }

    @Test
    void profilesOfAnotherShapeDegradeToDefaultsAndDashes() {
        ObjectNode metrics = ReportFixtures.JSON.createObjectNode();
        ObjectNode segments = metrics.putObject("segments");
        segments.putArray("features").add("orders_365d").add("spend_365d");
        ArrayNode profiles = segments.putArray("profiles");
        ObjectNode unnamed = profiles.addObject().put("id", 7).put("size", 300);
        unnamed.putArray("centroid").add(2.5).add(120.0);
        unnamed.putArray("distinct").add("frequent buyers");
        profiles.addObject().put("name", "Other").put("size", 100).put("distinct", "not a list");

        String body = render(metrics);

        assertThat(body).contains("<td>Segment 7</td><td class=\"num\">300</td><td class=\"num\">75.0%</td>"
                + "<td>frequent buyers</td>",
                "<td>Other</td><td class=\"num\">100</td><td class=\"num\">25.0%</td><td>\u2013</td>",
                "<td>orders_365d</td><td class=\"num\">2.5</td><td class=\"num\">\u2013</td>");
        assertThat(body).doesNotContain("<svg");
    }
}
