package dev.nbo.training.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * One horizontal bar per label, top to bottom in the order given, with the value at the end of each bar: the shape
 * for a ranked list with long names, such as feature importance.
 */
final class SvgHorizontalBarChart {
    private record Bar(String label, double value) {
    }

    private static final int ROW = 22;
    private static final int MARGIN_TOP = 8;
    private static final int MARGIN_BOTTOM = 46;
    private static final int MARGIN_RIGHT = 56;
    private static final int MAX_LABEL_CHARS = 40;

    private final String title;
    private final String valueName;
    private final DoubleFunction<String> format;
    private final int width;
    private final List<Bar> bars = new ArrayList<>();

    SvgHorizontalBarChart(String title, String valueName, DoubleFunction<String> format, int width) {
        this.title = title;
        this.valueName = valueName;
        this.format = format;
        this.width = width;
    }

    /** Adds a bar; an unknown value keeps its row with a dash, so that the list still reads in full. */
    SvgHorizontalBarChart bar(String label, double value) {
        bars.add(new Bar(label, value));
        return this;
    }

    String render() {
        if (bars.isEmpty()) {
            throw new IllegalStateException("a bar chart needs at least one bar; skip the chart instead");
        }
        double labelWidth = Math.min(width * 0.4,
                bars.stream().mapToDouble(b -> TextWidth.of(shortened(b.label()), 11)).max().orElse(0) + 12);
        int height = MARGIN_TOP + ROW * bars.size() + MARGIN_BOTTOM;
        Svg svg = new Svg(width, height, title);
        PlotArea area = new PlotArea(labelWidth, MARGIN_TOP, width - labelWidth - MARGIN_RIGHT, ROW * bars.size());
        Axis axis = new Axis(valueName, LinearScale.covering(0, highest(), 5), format);
        area.drawXAxis(svg, axis);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = area.top() + ROW * i;
            svg.text(labelWidth - 8, y + ROW / 2.0 + 4, shortened(bar.label()), "end", "tick dark");
            if (Double.isFinite(bar.value())) {
                double end = area.x(axis, Math.max(0, bar.value()));
                svg.rect(area.left(), y + 4, end - area.left(), ROW - 8, Palette.MODEL,
                        bar.label() + ": " + format.apply(bar.value()));
                svg.text(end + 4, y + ROW / 2.0 + 4, format.apply(bar.value()), "start", "value");
            } else {
                svg.text(area.left() + 4, y + ROW / 2.0 + 4, Figure.UNKNOWN, "start", "value");
            }
        }
        svg.line(area.left(), area.top(), area.left(), area.bottom(), "axis");
        return svg.render();
    }

    private double highest() {
        double highest = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(0);
        return highest <= 0 ? 1 : highest;
    }

    /** Long input names are shortened in the label column; the tooltip of the bar keeps the full name. */
    private static String shortened(String label) {
        return label.length() <= MAX_LABEL_CHARS ? label : label.substring(0, MAX_LABEL_CHARS - 1) + "\u2026";
    }
}
