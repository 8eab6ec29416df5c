package dev.nbo.training.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * Vertical bars grouped by category (one bar per series in each group) over a value axis that includes zero (bars
 * grow from zero, downwards for negative values such as a poor silhouette score), with the value written at the end
 * of each bar and an optional dashed reference level (lift 1 = random).
 */
final class SvgBarChart {
    private record Series(String name, String colour, List<Double> values) {
    }

    private static final int MARGIN_LEFT = 62;
    private static final int MARGIN_RIGHT = 14;
    private static final int MARGIN_TOP = 30;
    private static final int MARGIN_BOTTOM = 46;

    private final String title;
    private final List<String> categories;
    private final String valueName;
    private final DoubleFunction<String> format;
    private final int width;
    private final int height;
    private final List<Series> series = new ArrayList<>();
    private final Set<Integer> emphasised = new HashSet<>();
    private String categoryName = "";
    private double reference = Double.NaN;
    private String referenceName = "";

    SvgBarChart(String title, List<String> categories, String valueName, DoubleFunction<String> format, int width,
            int height) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one category; skip the chart instead");
        }
        this.title = title;
        this.categories = List.copyOf(categories);
        this.valueName = valueName;
        this.format = format;
        this.width = width;
        this.height = height;
    }

    /** One value per category, in category order; unknown values leave a gap. */
    SvgBarChart series(String name, String colour, List<Double> values) {
        if (values.size() != categories.size()) {
            throw new IllegalArgumentException("series " + name + " has " + values.size() + " values for "
                    + categories.size() + " categories; give one value per category (NaN when unknown)");
        }
        series.add(new Series(name, colour, List.copyOf(values)));
        return this;
    }

    /** Names the categories under the axis. */
    SvgBarChart categoryName(String name) {
        categoryName = name;
        return this;
    }

    /** A dashed horizontal line at {@code value}, named in the legend. */
    SvgBarChart reference(double value, String name) {
        reference = value;
        referenceName = name;
        return this;
    }

    /** Writes the category's label in bold: the model among baselines, the chosen k among candidates. */
    SvgBarChart emphasise(int category) {
        emphasised.add(category);
        return this;
    }

    String render() {
        Svg svg = new Svg(width, height, title);
        PlotArea area = new PlotArea(MARGIN_LEFT, MARGIN_TOP, width - MARGIN_LEFT - MARGIN_RIGHT,
                height - MARGIN_TOP - MARGIN_BOTTOM);
        Axis axis = new Axis(valueName, LinearScale.covering(lowest(), highest(), 5), format);
        area.drawYAxis(svg, axis);
        drawBars(svg, area, axis);
        Legend legend = new Legend();
        if (series.size() > 1) {
            series.forEach(s -> legend.add(s.name(), s.colour(), Legend.Mark.BOX));
        }
        if (Double.isFinite(reference)) {
            double y = area.y(axis, reference);
            svg.polyline(List.of(new double[] {area.left(), y}, new double[] {area.right(), y}), Palette.ACCENT,
                    "series dashed");
            legend.add(referenceName, Palette.ACCENT, Legend.Mark.DASHED);
        }
        legend.draw(svg, MARGIN_LEFT + 4, 16);
        svg.line(area.left(), area.bottom(), area.right(), area.bottom(), "axis");
        svg.line(area.left(), area.y(axis, 0), area.right(), area.y(axis, 0), "axis");
        if (!categoryName.isEmpty()) {
            svg.text(area.left() + area.width() / 2, area.bottom() + 38, categoryName, "middle", "axis-label");
        }
        return svg.render();
    }

    private void drawBars(Svg svg, PlotArea area, Axis axis) {
        double slot = area.width() / categories.size();
        double bar = Math.min(56, slot * 0.8 / series.size());
        // Category labels are thinned out when they would collide; every bar keeps its tooltip.
        int labelEvery = (int) Math.ceil(maxLabelWidth() / Math.max(1, slot * 0.9));
        boolean valuesFit = maxValueLabelWidth() <= bar;
        for (int c = 0; c < categories.size(); c++) {
            double groupLeft = area.left() + slot * c + (slot - bar * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values().get(c);
                if (!Double.isFinite(value)) {
                    continue;
                }
                double zero = area.y(axis, 0);
                double end = area.y(axis, value);
                String tooltip = categories.get(c) + ", " + series.get(s).name() + ": " + format.apply(value);
                svg.rect(groupLeft + bar * s, Math.min(zero, end), bar - 2, Math.abs(zero - end),
                        series.get(s).colour(), tooltip);
                if (valuesFit) {
                    svg.text(groupLeft + bar * s + (bar - 2) / 2, value < 0 ? end + 12 : end - 4, format.apply(value),
                            "middle", "value");
                }
            }
            if (c % labelEvery == 0) {
                svg.text(area.left() + slot * (c + 0.5), area.bottom() + 16, categories.get(c), "middle",
                        emphasised.contains(c) ? "tick strong" : "tick");
            }
        }
    }

    private double lowest() {
        double lowest = Double.isFinite(reference) ? Math.min(0, reference) : 0;
        for (Series s : series) {
            for (double value : s.values()) {
                if (Double.isFinite(value)) {
                    lowest = Math.min(lowest, value);
                }
            }
        }
        // Room below the lowest bar for its value label.
        return lowest * 1.15;
    }

    private double highest() {
        double highest = Double.isFinite(reference) ? reference : 0;
        for (Series s : series) {
            for (double value : s.values()) {
                if (Double.isFinite(value)) {
                    highest = Math.max(highest, value);
                }
            }
        }
        if (highest == 0) {
            return lowest() < 0 ? 0 : 1;
        }
        // Headroom above the tallest bar for its value label.
        return highest * 1.08;
    }

    private double maxValueLabelWidth() {
        return series.stream().flatMap(s -> s.values().stream()).filter(Double::isFinite)
                .mapToDouble(value -> TextWidth.of(format.apply(value), 10)).max().orElse(0);
    }

    private double maxLabelWidth() {
        return categories.stream().mapToDouble(label -> TextWidth.of(label, 11)).max().orElse(0);
    }
}
