package dev.nbo.training.report;

/**
 * An estimate of the width of a line of text in a sans-serif font, for laying out chart labels without a font
 * engine. Generous on purpose: a margin a little too wide looks better than a clipped label.
 */
final class TextWidth {
    private TextWidth() {
    }

    static double of(String text, double fontSize) {
        double ems = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            ems += "iljtf.,:;'|!I ".indexOf(c) >= 0 ? 0.32 : Character.isUpperCase(c) || "mw%".indexOf(c) >= 0
                    ? 0.72 : 0.56;
        }
        return ems * fontSize;
    }
}
