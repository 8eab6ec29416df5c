package dev.nbo.training.report;

import java.util.ArrayList;
import java.util.List;

/** The key of a chart, one line above the plot: a swatch or a line sample beside each series name. */
final class Legend {
    /** How a series is drawn, so that the key shows the same mark. */
    enum Mark { BOX, LINE, DASHED }

    private record Entry(String name, String colour, Mark mark) {
    }

    private final List<Entry> entries = new ArrayList<>();

    Legend add(String name, String colour, Mark mark) {
        entries.add(new Entry(name, colour, mark));
        return this;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Draws the entries left to right from (x, y), y being the text baseline. */
    void draw(Svg svg, double x, double y) {
        double at = x;
        for (Entry entry : entries) {
            switch (entry.mark()) {
                case BOX -> svg.rect(at, y - 9, 10, 10, entry.colour(), null);
                case LINE -> svg.polyline(List.of(new double[] {at - 2, y - 4}, new double[] {at + 14, y - 4}),
                        entry.colour(), "series");
                case DASHED -> svg.polyline(List.of(new double[] {at - 2, y - 4}, new double[] {at + 14, y - 4}),
                        entry.colour(), "series dashed");
            }
            svg.text(at + 18, y, entry.name(), "start", "legend");
            at += 30 + TextWidth.of(entry.name(), 11);
        }
    }
}
