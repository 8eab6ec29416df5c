package dev.nbo.training.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Training pairs held in memory, with the feature columns they carry. */
public record PairTable(FeatureIndex index, List<PairRow> rows) {

    public PairTable {
        rows = List.copyOf(rows);
    }

    public List<String> featureNames() {
        return index.names();
    }

    public PairTable only(Set<LocalDate> dates) {
        return new PairTable(index, rows.stream().filter(r -> dates.contains(r.asOf())).toList());
    }

    public Set<LocalDate> asOfDates() {
        Set<LocalDate> dates = new TreeSet<>();
        rows.forEach(r -> dates.add(r.asOf()));
        return dates;
    }

    public long positives() {
        return rows.stream().filter(PairRow::label).count();
    }

    public int size() {
        return rows.size();
    }
}
