package dev.nbo.training.report;

/**
 * The rectangle of a chart inside its margins, where data is drawn; places values on it and draws the value axes
 * (grid lines, ticks, labels) around it.
 */
record PlotArea(double left, double top, double width, double height) {
    PlotArea {
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("a plot area needs a positive size, got " + width + " x " + height
                    + "; make the chart larger or its margins smaller");
        }
    }

    double right() {
        return left + width;
    }

    double bottom() {
        return top + height;
    }

    double x(Axis axis, double value) {
        return left + width * axis.scale().fraction(value);
    }

    double y(Axis axis, double value) {
        return bottom() - height * axis.scale().fraction(value);
    }

    /** Horizontal grid lines at the ticks, labels on the left, and the axis name written upwards beside them. */
    void drawYAxis(Svg svg, Axis axis) {
        for (double tick : axis.scale().ticks()) {
            double y = y(axis, tick);
            svg.line(left, y, right(), y, "grid");
            svg.text(left - 6, y + 4, axis.tickLabel(tick), "end", "tick");
        }
        svg.line(left, top, left, bottom(), "axis");
        svg.verticalText(left - 46, top + height / 2, axis.label(), "axis-label");
    }

    /** Vertical grid lines at the ticks, labels below, and the axis name under them. */
    void drawXAxis(Svg svg, Axis axis) {
        for (double tick : axis.scale().ticks()) {
            double x = x(axis, tick);
            svg.line(x, top, x, bottom(), "grid");
            svg.text(x, bottom() + 16, axis.tickLabel(tick), "middle", "tick");
        }
        svg.line(left, bottom(), right(), bottom(), "axis");
        svg.text(left + width / 2, bottom() + 36, axis.label(), "middle", "axis-label");
    }
}
