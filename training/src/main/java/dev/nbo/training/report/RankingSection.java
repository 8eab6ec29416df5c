package dev.nbo.training.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbo.training.report.HtmlTable.Cell;
import java.util.ArrayList;
import java.util.List;

/** The model against the baselines on hit rate, precision and NDCG at 1, 3 and 5, as a table and a chart. */
final class RankingSection implements ReportSection {
    private static final int[] CUTOFFS = {1, 3, 5};
    private static final String[] MEASURES = {"hit_rate", "precision", "ndcg"};
    private static final String[] MEASURE_NAMES = {"Hit rate", "Precision", "NDCG"};

    @Override
    public String id() {
        return "ranking";
    }

    @Override
    public String title() {
        return "Model vs baselines";
    }

    @Override
    public boolean appliesTo(JsonNode metrics) {
        return !Ranker.all(metrics.path("ranking")).isEmpty();
    }

    @Override
    public void render(JsonNode metrics, Html html) {
        List<Ranker> rankers = Ranker.all(metrics.path("ranking"));
        html.element("p", "Each ranker orders the candidate offers of every holdout customer. Hit rate@k: share of "
                + "converting customers whose converted offer is in the top k. Precision@k: share of the top k "
                + "that converted. NDCG@k: like the hit rate, but a conversion counts more the higher it is ranked. "
                + "Best value of each column in bold.", "class", "lead");
        table(rankers).render(html);
        evaluatedOn(rankers, html);
        html.open("figure");
        html.markup(chart(rankers));
        html.element("figcaption", "NDCG@3 and hit rate@3 per ranker: the higher, the better the top three offers "
                + "of an email block.");
        html.close("figure").newline();
    }

    private static HtmlTable table(List<Ranker> rankers) {
        HtmlTable table = new HtmlTable("").styled("ranking").group("", 1);
        table.heading("Ranker");
        List<String> columns = new ArrayList<>();
        for (int k : CUTOFFS) {
            // A run that evaluated only some cutoffs would otherwise show whole blocks of dashes.
            if (!evaluated(rankers, k)) {
                continue;
            }
            table.group("Top " + k, MEASURES.length);
            for (int m = 0; m < MEASURES.length; m++) {
                columns.add(MEASURES[m] + "@" + k);
                table.numericHeading(MEASURE_NAMES[m]);
            }
        }
        for (Ranker ranker : rankers) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(ranker.displayName()));
            for (String column : columns) {
                Figure value = ranker.metric(column);
                Cell cell = Cell.number(value.decimal(3));
                cells.add(value.known() && value.value() == best(rankers, column) ? cell.strong() : cell);
            }
            table.row(cells, ranker.isModel() ? "model" : "");
        }
        return table;
    }

    private static boolean evaluated(List<Ranker> rankers, int k) {
        for (String measure : MEASURES) {
            if (rankers.stream().anyMatch(r -> r.metric(measure + "@" + k).known())) {
                return true;
            }
        }
        return false;
    }

    private static double best(List<Ranker> rankers, String column) {
        return rankers.stream().map(r -> r.metric(column)).filter(Figure::known).mapToDouble(Figure::value).max()
                .orElse(Double.NaN);
    }

    private static void evaluatedOn(List<Ranker> rankers, Html html) {
        Ranker first = rankers.get(0);
        Figure customers = first.metric("customers");
        Figure groups = first.metric("groups");
        if (customers.known() || groups.known()) {
            html.element("p", "Evaluated over " + customers.count() + " customers with a conversion, in "
                    + groups.count() + " ranked groups.", "class", "note");
        }
    }

    private static String chart(List<Ranker> rankers) {
        List<String> names = rankers.stream().map(Ranker::displayName).toList();
        SvgBarChart chart = new SvgBarChart("NDCG@3 and hit rate@3 per ranker", names, "Score",
                v -> new Figure(v).decimal(2), 960, 300)
                .series("NDCG@3", Palette.MODEL, values(rankers, "ndcg@3"))
                .series("Hit rate@3", Palette.SECOND, values(rankers, "hit_rate@3"));
        for (int i = 0; i < rankers.size(); i++) {
            if (rankers.get(i).isModel()) {
                chart.emphasise(i);
            }
        }
        return chart.render();
    }

    private static List<Double> values(List<Ranker> rankers, String metric) {
        return rankers.stream().map(r -> r.metric(metric).value()).toList();
    }
}
