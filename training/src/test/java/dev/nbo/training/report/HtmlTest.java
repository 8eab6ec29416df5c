package dev.nbo.training.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void textAndAttributesAreEscapedForHtmlAndXml() {
        String html = new Html().open("p", "title", "a\"b'c").text("<b>&\u0007").close("p").toString();

        assertThat(html).isEqualTo("<p title=\"a&quot;b&#39;c\">&lt;b&gt;&amp;\uFFFD</p>");
    }

    @Test
    void emptyAttributesAreLeftOut() {
        assertThat(new Html().open("tr", "class", "").toString()).isEqualTo("<tr>");
    }

    @Test
    void attributesMustComeInPairs() {
        assertThatThrownBy(() -> new Html().open("td", "class")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd count 1");
    }

    @Test
    void chartTextIsEscapedToo() throws Exception {
        String svg = new SvgBarChart("<title> & co", List.of("<b>", "x"), "v", v -> new Figure(v).decimal(1), 300, 200)
                .series("s</text>", Palette.MODEL, List.of(1.0, Double.NaN)).render();

        assertThat(svg).contains("&lt;title&gt; &amp; co", "&lt;b&gt;").doesNotContain("<b>", "s</text>");
        assertThat(ReportFixtures.parseXml(svg).getElementsByTagName("rect").getLength()).isEqualTo(1);
    }

    @Test
    void aSeriesMustGiveOneValuePerCategory() {
        SvgBarChart chart = new SvgBarChart("t", List.of("a", "b"), "v", v -> "", 300, 200);

        assertThatThrownBy(() -> chart.series("s", Palette.MODEL, List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 1 values for 2 categories");
    }
}
