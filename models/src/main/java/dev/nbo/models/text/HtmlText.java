package dev.nbo.models.text;

/**
 * Escapes text for HTML element content and quoted attribute values: {@code & < > " '} become entities, and control
 * characters that XML forbids become U+FFFD, so that an offer title, a customer attribute or an arm name holding
 * markup or a stray byte is shown as text and cannot break or inject into the page. Used by the e-mail blocks, the
 * training report and the A/B report. Text that needs no escaping is returned as is (no copy: blocks render it per
 * request).
 */
public final class HtmlText {
    private HtmlText() {
    }

    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? "\uFFFD" : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
