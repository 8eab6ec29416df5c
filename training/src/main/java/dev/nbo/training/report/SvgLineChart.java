package dev.nbo.training.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart of lines over two value axes: the model's series with markers, and dashed reference lines (the diagonal of
 * a random ranking or of perfect calibration). A point outside an axis (a zero on a log axis) is drawn hollow at
 * the axis edge, so it is visible and not mistaken for a measured value.
 */
final class SvgLineChart {
    /** A point in data units. */
    record Point(double x, double y) {
    }

    private record Series(String name, String colour, List<Point> points, boolean reference) {
    }

    private static final int MARGIN_LEFT = 62;
    private static final int MARGIN_RIGHT = 18;
    private static final int MARGIN_TOP = 30;
    private static final int MARGIN_BOTTOM = 46;

    private final String title;
    private final Axis x;
    private final Axis y;
    private final int width;
    private final int height;
    private final List<Series> series = new ArrayList<>();

    SvgLineChart(String title, Axis x, Axis y, int width, int height) {
        this.title = title;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
    }

    /** A measured series: solid line with a marker per point; points with an unknown coordinate are left out. */
    SvgLineChart line(String name, String colour, List<Point> points) {
        series.add(new Series(name, colour, known(points), false));
        return this;
    }

    /** A reference series: dashed grey line without markers. */
    SvgLineChart reference(String name, List<Point> points) {
        series.add(new Series(name, Palette.REFERENCE, known(points), true));
        return this;
    }

    String render() {
        Svg svg = new Svg(width, height, title);
        PlotArea area = new PlotArea(MARGIN_LEFT, MARGIN_TOP, width - MARGIN_LEFT - MARGIN_RIGHT,
                height - MARGIN_TOP - MARGIN_BOTTOM);
        area.drawYAxis(svg, y);
        area.drawXAxis(svg, x);
        Legend legend = new Legend();
        for (Series s : series) {
            legend.add(s.name(), s.colour(), s.reference() ? Legend.Mark.DASHED : Legend.Mark.LINE);
            drawSeries(svg, area, s);
        }
        legend.draw(svg, MARGIN_LEFT + 4, 16);
        return svg.render();
    }

    private void drawSeries(Svg svg, PlotArea area, Series s) {
        List<double[]> pixels = new ArrayList<>();
        for (Point p : s.points()) {
            pixels.add(new double[] {area.x(x, p.x()), area.y(y, p.y())});
        }
        if (pixels.size() > 1) {
            svg.polyline(pixels, s.colour(), s.reference() ? "series dashed" : "series");
        }
        if (s.reference()) {
            return;
        }
        for (int i = 0; i < pixels.size(); i++) {
            Point p = s.points().get(i);
            boolean clamped = !x.scale().contains(p.x()) || !y.scale().contains(p.y());
            String tooltip = s.name() + ": " + x.label() + " " + x.valueLabel(p.x()) + ", " + y.label() + " "
                    + y.valueLabel(p.y());
            svg.circle(pixels.get(i)[0], pixels.get(i)[1], 3.2, s.colour(), clamped, tooltip);
        }
    }

    private static List<Point> known(List<Point> points) {
        return points.stream().filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())).toList();
    }
}
