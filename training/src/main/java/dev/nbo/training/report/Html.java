package dev.nbo.training.report;

import dev.nbo.models.text.HtmlText;

/**
 * An append-only HTML document in which every piece of text and every attribute value is escaped on the way in;
 * only markup built by this package ({@link Svg}) goes in unescaped, through {@link #markup(String)}.
 *
 * <p>The output is also well-formed XML (the five XML escapes only, no named HTML entities, every element closed), so
 * the inline SVG charts can be checked with an XML parser.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** Escapes text for an element body or a quoted attribute value (see {@link HtmlText}). */
    static String escape(String text) {
        return HtmlText.escape(text);
    }

    /** Opens {@code tag} with attributes given as name, value pairs; values are escaped, empty ones left out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        appendAttributes(attributes);
        out.append('>');
        return this;
    }

    /** An element without content, such as {@code <meta charset="utf-8"/>}. */
    Html empty(String tag, String... attributes) {
        out.append('<').append(tag);
        appendAttributes(attributes);
        out.append("/>");
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag attributes>text</tag>}, with the text escaped. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Appends markup that this package generated and escaped itself; never pass text from metrics.json here. */
    Html markup(String markup) {
        out.append(markup);
        return this;
    }

    Html newline() {
        out.append('\n');
        return this;
    }

    private void appendAttributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come as name, value pairs; got an odd count "
                    + attributes.length + " for the last element");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1].isEmpty()) {
                continue;
            }
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
