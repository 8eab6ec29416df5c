package dev.nbo.training.report;

import java.util.List;

/**
 * An inline SVG drawing built element by element, every text escaped. Coordinates are written with one decimal, which
 * is finer than a pixel and keeps the page small. No {@code xmlns} attribute: inline SVG in HTML does not need one,
 * and the page then holds no URL at all.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder(4096);

    /** Starts a drawing of {@code width} × {@code height} units; {@code title} is what screen readers announce. */
    Svg(int width, int height, String title) {
        out.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">")
                .append("<title>").append(Html.escape(title)).append("</title>");
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" class=\"").append(cssClass).append("\"/>");
        return this;
    }

    /** A filled rectangle; the tooltip shows when the reader hovers over it. */
    Svg rect(double x, double y, double width, double height, String fill, String tooltip) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, width))).append("\" height=\"").append(n(Math.max(0, height)))
                .append("\" fill=\"").append(fill).append('"');
        return closeWithTooltip("rect", tooltip);
    }

    /** A marker; hollow markers flag points drawn at the edge of the axis rather than where they belong. */
    Svg circle(double cx, double cy, double r, String colour, boolean hollow, String tooltip) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" stroke=\"").append(colour).append("\" fill=\"").append(hollow ? "#fff" : colour)
                .append('"');
        return closeWithTooltip("circle", tooltip);
    }

    /** A line through points given as {x, y} pairs. */
    Svg polyline(List<double[]> points, String colour, String cssClass) {
        out.append("<polyline class=\"").append(cssClass).append("\" stroke=\"").append(colour)
                .append("\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            out.append(i == 0 ? "" : " ").append(n(points.get(i)[0])).append(',').append(n(points.get(i)[1]));
        }
        out.append("\"/>");
        return this;
    }

    /** A closed, filled shape through points given as {x, y} pairs. */
    Svg polygon(List<double[]> points, String fill, String cssClass) {
        out.append("<polygon class=\"").append(cssClass).append("\" fill=\"").append(fill).append("\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            out.append(i == 0 ? "" : " ").append(n(points.get(i)[0])).append(',').append(n(points.get(i)[1]));
        }
        out.append("\"/>");
        return this;
    }

    /** Text anchored at {@code start}, {@code middle} or {@code end}. */
    Svg text(double x, double y, String text, String anchor, String cssClass) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" class=\"").append(cssClass).append("\">").append(Html.escape(text))
                .append("</text>");
        return this;
    }

    /** Text turned a quarter anticlockwise about its anchor, for the label of a vertical axis. */
    Svg verticalText(double x, double y, String text, String cssClass) {
        out.append("<text transform=\"translate(").append(n(x)).append(',').append(n(y))
                .append(") rotate(-90)\" text-anchor=\"middle\" class=\"").append(cssClass).append("\">")
                .append(Html.escape(text)).append("</text>");
        return this;
    }

    /** The finished drawing. */
    String render() {
        return out + "</svg>";
    }

    private Svg closeWithTooltip(String tag, String tooltip) {
        if (tooltip == null || tooltip.isEmpty()) {
            out.append("/>");
        } else {
            out.append("><title>").append(Html.escape(tooltip)).append("</title></").append(tag).append('>');
        }
        return this;
    }

    private static String n(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10.0 + "");
    }
}
