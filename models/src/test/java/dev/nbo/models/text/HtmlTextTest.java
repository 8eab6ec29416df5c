package dev.nbo.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void escapesMarkupAndQuotesAndReplacesForbiddenControlCharacters() {
        assertThat(HtmlText.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
        assertThat(HtmlText.escape("a\u0001b\tc\nd")).isEqualTo("a\uFFFDb\tc\nd");
    }

    @Test
    void cleanTextIsReturnedWithoutACopy() {
        String clean = "Running shoes, 20% off";
        assertThat(HtmlText.escape(clean)).isSameAs(clean);
    }
}
