package dev.nbo.training.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders {@link SegmentProfiles} as fixed-width text for a terminal: no colours, no box characters. */
final class ProfileTable {
    private static final String GAP = "  ";

    private ProfileTable() {
    }

    static String render(SegmentProfiles profiles) {
        List<String[]> summary = new ArrayList<>();
        summary.add(new String[] {"segment", "name", "customers", "share", "sets it apart"});
        for (SegmentProfile profile : profiles.segments()) {
            summary.add(new String[] {Integer.toString(profile.id()), profile.name(),
                    String.format(Locale.ROOT, "%,d", profile.size()),
                    String.format(Locale.ROOT, "%.1f%%", 100 * profile.share()), apart(profile)});
        }
        List<String[]> centroids = new ArrayList<>();
        String[] header = new String[profiles.segments().size() + 1];
        header[0] = "mean of members";
        for (SegmentProfile profile : profiles.segments()) {
            header[profile.id() + 1] = "segment " + profile.id();
        }
        centroids.add(header);
        for (String feature : profiles.featureNames()) {
            String[] line = new String[header.length];
            line[0] = feature;
            for (SegmentProfile profile : profiles.segments()) {
                line[profile.id() + 1] = number(profile.centroid().get(feature));
            }
            centroids.add(line);
        }
        return grid(summary, new boolean[] {true, false, true, true, false}) + System.lineSeparator()
                + grid(centroids, numericAfterFirst(header.length));
    }

    private static String apart(SegmentProfile profile) {
        if (profile.distinct().isEmpty()) {
            return "close to the average customer";
        }
        return profile.distinct().stream()
                .map(d -> String.format(Locale.ROOT, "%s (z %+.2f)", d.describe(), d.z()))
                .collect(Collectors.joining(", "));
    }

    private static String number(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static boolean[] numericAfterFirst(int columns) {
        boolean[] right = new boolean[columns];
        for (int c = 1; c < columns; c++) {
            right[c] = true;
        }
        return right;
    }

    /** Pads every column to its widest cell; {@code rightAligned[c]} for numbers, so digits line up. */
    private static String grid(List<String[]> rows, boolean[] rightAligned) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String padding = " ".repeat(widths[c] - row[c].length());
                line.append(c == 0 ? "" : GAP).append(rightAligned[c] ? padding + row[c] : row[c] + padding);
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
