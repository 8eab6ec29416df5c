package dev.nbo.experiments.report;

import dev.nbo.models.text.HtmlText;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The two inline SVG charts of report.html, drawn without any library or external asset: each arm's value with its
 * interval as a whisker, and lines of cumulative lift over time with their interval bands. Every label is escaped.
 */
final class SvgCharts {
    static final String[] COLORS = {"#4b5563", "#2563eb", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2"};
    private static final int WIDTH = 680;
    private static final int LABEL_WIDTH = 150;
    private static final int ROW = 30;

    private SvgCharts() {
    }

    /** One row per arm: a dot at the value and a whisker from low to high (rows without a value are left blank). */
    record Whisker(String label, Double value, Double low, Double high) {
    }

    /** One line per treatment arm: lift at each time with its interval. */
    record Series(String label, List<Long> times, List<Double> values, List<Double> lows, List<Double> highs) {
    }

    static String whiskers(List<Whisker> rows, DoubleFunction<String> format) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Whisker row : rows) {
            for (Double v : new Double[] {row.value(), row.low(), row.high()}) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        int height = rows.size() * ROW + 30;
        StringBuilder svg = open(height);
        if (min > max) {
            return svg.append("</svg>").toString();
        }
        Scale x = Scale.padded(min, max, LABEL_WIDTH, WIDTH - 50);
        axis(svg, x, rows.size() * ROW + 8, format);
        for (int i = 0; i < rows.size(); i++) {
            Whisker row = rows.get(i);
            double y = i * ROW + ROW / 2.0 + 4;
            String color = COLORS[i % COLORS.length];
            svg.append(text(LABEL_WIDTH - 8, y + 4, "end", row.label()));
            if (row.low() != null && row.high() != null) {
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>"
                                + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>"
                                + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>",
                        x.at(row.low()), y, x.at(row.high()), y, color,
                        x.at(row.low()), y - 6, x.at(row.low()), y + 6, color,
                        x.at(row.high()), y - 6, x.at(row.high()), y + 6, color));
            }
            if (row.value() != null) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>",
                        x.at(row.value()), y, color));
                svg.append(text(x.at(row.value()), y - 9, "middle", format.apply(row.value())));
            }
        }
        return svg.append("</svg>").toString();
    }

    static String timeline(List<Series> series, DoubleFunction<String> format, DoubleFunction<String> timeLabel) {
        double minY = 0;
        double maxY = 0;
        long minT = Long.MAX_VALUE;
        long maxT = Long.MIN_VALUE;
        for (Series s : series) {
            for (int i = 0; i < s.times().size(); i++) {
                minT = Math.min(minT, s.times().get(i));
                maxT = Math.max(maxT, s.times().get(i));
                for (Double v : new Double[] {s.values().get(i), s.lows().get(i), s.highs().get(i)}) {
                    if (v != null) {
                        minY = Math.min(minY, v);
                        maxY = Math.max(maxY, v);
                    }
                }
            }
        }
        int plotHeight = 220;
        StringBuilder svg = open(plotHeight + 60 + 18 * series.size());
        if (minT > maxT) {
            return svg.append("</svg>").toString();
        }
        Scale x = new Scale(minT, maxT == minT ? minT + 1 : maxT, 70, WIDTH - 20);
        Scale y = Scale.padded(minY, maxY, plotHeight + 10, 10);
        for (int k = 0; k <= 4; k++) {
            double value = y.min() + (y.max() - y.min()) * k / 4;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"70\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>", WIDTH - 20, y.at(value),
                    y.at(value)));
            svg.append(text(64, y.at(value) + 4, "end", format.apply(value)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"70\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#111\" "
                + "stroke-dasharray=\"4 3\"/>", WIDTH - 20, y.at(0), y.at(0)));
        svg.append(text(70, plotHeight + 30, "start", timeLabel.apply(minT)));
        svg.append(text(WIDTH - 20, plotHeight + 30, "end", timeLabel.apply(maxT)));
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String color = COLORS[(s + 1) % COLORS.length];
            StringBuilder band = new StringBuilder();
            StringBuilder upper = new StringBuilder();
            StringBuilder lower = new StringBuilder();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.times().size(); i++) {
                double t = x.at(line.times().get(i));
                if (line.values().get(i) != null) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", t, y.at(line.values().get(i))));
                }
                if (line.lows().get(i) != null) {
                    upper.append(String.format(Locale.ROOT, "%.1f,%.1f ", t, y.at(line.highs().get(i))));
                    lower.insert(0, String.format(Locale.ROOT, "%.1f,%.1f ", t, y.at(line.lows().get(i))));
                }
            }
            band.append(upper).append(lower);
            if (band.length() > 0) {
                svg.append("<polygon points=\"").append(band.toString().strip()).append("\" fill=\"").append(color)
                        .append("\" fill-opacity=\"0.15\"/>");
            }
            svg.append("<polyline points=\"").append(points.toString().strip()).append("\" fill=\"none\" stroke=\"")
                    .append(color).append("\" stroke-width=\"2\"/>");
            double legendY = plotHeight + 50 + 18 * s;
            svg.append(String.format(Locale.ROOT, "<rect x=\"70\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                    legendY - 10, color));
            svg.append(text(88, legendY, "start", line.label()));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int height) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">", WIDTH, height, WIDTH, height));
    }

    private static void axis(StringBuilder svg, Scale x, double y, DoubleFunction<String> format) {
        for (int k = 0; k <= 4; k++) {
            double value = x.min() + (x.max() - x.min()) * k / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%.1f\" "
                    + "stroke=\"#e5e7eb\"/>", x.at(value), x.at(value), y - 6));
            svg.append(text(x.at(value), y + 12, "middle", format.apply(value)));
        }
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\">%s</text>",
                x, y, anchor, HtmlText.escape(content));
    }

    /** Maps [min, max] onto pixels [from, to] (to may be below from, as for a y axis). */
    private record Scale(double min, double max, double from, double to) {
        static Scale padded(double min, double max, double from, double to) {
            double pad = max > min ? (max - min) * 0.08 : Math.max(Math.abs(max) * 0.1, 1e-9);
            return new Scale(min - pad, max + pad, from, to);
        }

        double at(double value) {
            return from + (value - min) / (max - min) * (to - from);
        }
    }
}
