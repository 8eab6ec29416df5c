package dev.nbo.training.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.training.report.SvgLineChart.Point;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartsTest {
    @Test
    void chartTextIsEscapedAndUnknownBarsLeaveAGap() throws Exception {
        String svg = new SvgBarChart("<title> & co", List.of("<b>", "x"), "v", v -> new Figure(v).decimal(1), 300, 200)
                .series("s</text>", Palette.MODEL, List.of(1.0, Double.NaN)).render();

        assertThat(svg).contains("&lt;title&gt; &amp; co", "&lt;b&gt;").doesNotContain("<b>", "s</text>", "NaN");
        assertThat(ReportFixtures.parseXml(svg).getElementsByTagName("rect").getLength()).isEqualTo(1);
    }

    @Test
    void aNegativeValueGrowsDownFromZero() throws Exception {
        String svg = new SvgBarChart("scores", List.of("k = 2", "k = 3"), "score", v -> new Figure(v).decimal(2), 300,
                200).series("silhouette", Palette.MODEL, List.of(-0.1, 0.3)).render();

        NodeList rects = ReportFixtures.parseXml(svg).getElementsByTagName("rect");
        Element negative = (Element) rects.item(0);
        Element positive = (Element) rects.item(1);
        double zero = Double.parseDouble(positive.getAttribute("y"))
                + Double.parseDouble(positive.getAttribute("height"));
        // The negative bar starts at the zero line, where the positive one ends.
        assertThat(Double.parseDouble(negative.getAttribute("y"))).isEqualTo(zero);
        assertThat(Double.parseDouble(negative.getAttribute("height"))).isPositive();
    }

    @Test
    void aSeriesMustGiveOneValuePerCategory() {
        SvgBarChart chart = new SvgBarChart("t", List.of("a", "b"), "v", v -> "", 300, 200);

        assertThatThrownBy(() -> chart.series("s", Palette.MODEL, List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 1 values for 2 categories");
    }

    @Test
    void aPointOffTheLogAxisIsDrawnHollowAtItsEdge() throws Exception {
        Axis x = new Axis("predicted", new LogScale(0.001, 0.1), v -> new Figure(v).rate());
        Axis y = new Axis("observed", new LogScale(0.001, 0.1), v -> new Figure(v).rate());
        String svg = new SvgLineChart("calibration", x, y, 400, 300)
                .line("Model", Palette.MODEL, List.of(new Point(0.002, 0), new Point(0.05, 0.04))).render();

        NodeList circles = ReportFixtures.parseXml(svg).getElementsByTagName("circle");
        assertThat(circles.getLength()).isEqualTo(2);
        assertThat(((Element) circles.item(0)).getAttribute("fill")).isEqualTo("#fff");
        assertThat(((Element) circles.item(1)).getAttribute("fill")).isEqualTo(Palette.MODEL);
        assertThat(circles.item(0).getTextContent()).isEqualTo("Model: predicted 0.200%, observed 0%");
    }

    @Test
    void calibrationUsesLogAxesOnlyWhenRatesSpanDecades() {
        assertThat(CalibrationSection.scale(List.of(new Point(0.001, 0.0009), new Point(0.06, 0.065))))
                .isInstanceOf(LogScale.class);
        assertThat(CalibrationSection.scale(List.of(new Point(0.1, 0.12), new Point(0.6, 0.55))))
                .isInstanceOf(LinearScale.class);
        assertThat(CalibrationSection.scale(List.of(new Point(0, 0), new Point(0, 0)))).isInstanceOf(LinearScale.class);
    }

    @Test
    void longInputNamesAreShortenedButKeptInTheTooltip() throws Exception {
        String name = "a_very_long_input_name_that_goes_on_and_on_forever_30d";
        String svg = new SvgHorizontalBarChart("importance", "gain", v -> new Figure(v).percent(0), 600)
                .bar(name, 0.5).bar("short", Double.NaN).render();

        assertThat(svg).contains(name.substring(0, 39) + "\u2026</text>", "<title>" + name + ": 50%</title>",
                ">\u2013</text>");
        ReportFixtures.parseXml(svg);
    }
}
