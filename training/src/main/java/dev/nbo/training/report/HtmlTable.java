package dev.nbo.training.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text and figures: figures right-aligned in tabular digits so that columns compare at a glance, an
 * optional row of column groups above the headings, and a caption.
 */
final class HtmlTable {
    /** One cell; {@code emphasis} marks the best value of a column, {@code cssClass} colours a verdict. */
    record Cell(String text, boolean numeric, boolean emphasis, String cssClass) {
        static Cell text(String text) {
            return new Cell(text, false, false, "");
        }

        static Cell number(String text) {
            return new Cell(text, true, false, "");
        }

        Cell strong() {
            return new Cell(text, numeric, true, cssClass);
        }

        Cell styled(String css) {
            return new Cell(text, numeric, emphasis, css);
        }
    }

    private record Group(String heading, int span) {
    }

    private final String caption;
    private final List<Group> groups = new ArrayList<>();
    private final List<Cell> headings = new ArrayList<>();
    private final List<List<Cell>> rows = new ArrayList<>();
    private final List<String> rowClasses = new ArrayList<>();
    private String cssClass = "";

    HtmlTable(String caption) {
        this.caption = caption;
    }

    /** A heading spanning {@code span} columns in the row above the column headings. */
    HtmlTable group(String heading, int span) {
        groups.add(new Group(heading, span));
        return this;
    }

    HtmlTable heading(String heading) {
        headings.add(Cell.text(heading));
        return this;
    }

    HtmlTable numericHeading(String heading) {
        headings.add(Cell.number(heading));
        return this;
    }

    HtmlTable row(List<Cell> cells) {
        return row(cells, "");
    }

    /** A row with a class, such as the model's row among the baselines. */
    HtmlTable row(List<Cell> cells, String rowClass) {
        rows.add(List.copyOf(cells));
        rowClasses.add(rowClass);
        return this;
    }

    HtmlTable styled(String css) {
        cssClass = css;
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void render(Html html) {
        html.open("table", "class", cssClass.isEmpty() ? "data" : "data " + cssClass);
        if (!caption.isEmpty()) {
            html.element("caption", caption);
        }
        html.open("thead");
        if (!groups.isEmpty()) {
            html.open("tr");
            for (Group group : groups) {
                html.element("th", group.heading(), "colspan", Integer.toString(group.span()), "class", "group");
            }
            html.close("tr");
        }
        if (!headings.isEmpty()) {
            html.open("tr");
            headings.forEach(heading -> html.element("th", heading.text(), "class", classOf(heading)));
            html.close("tr");
        }
        html.close("thead").open("tbody");
        for (int r = 0; r < rows.size(); r++) {
            html.open("tr", "class", rowClasses.get(r));
            for (Cell cell : rows.get(r)) {
                html.open("td", "class", classOf(cell));
                if (cell.emphasis()) {
                    html.element("strong", cell.text());
                } else {
                    html.text(cell.text());
                }
                html.close("td");
            }
            html.close("tr");
        }
        html.close("tbody").close("table").newline();
    }

    private static String classOf(Cell cell) {
        String numeric = cell.numeric() ? "num" : "";
        return (numeric + " " + cell.cssClass()).trim();
    }
}
