package dev.nbo.training.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
