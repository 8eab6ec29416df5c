package dev.nbo.models.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;

/** The customer segments of {@code segments.onnx}: their number and, in cluster-index order, their names. */
public record Segments(@JsonProperty("k") int k, @JsonProperty("names") List<String> names) {

    public Segments {
        if (k < 1) {
            throw new IllegalArgumentException("segments k must be at least 1, got " + k);
        }
        if (names == null || names.size() != k) {
            throw new IllegalArgumentException("segments names must give one name per segment (k = " + k + "), got "
                    + names);
        }
        if (names.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw new IllegalArgumentException("segments names must not be blank: " + names);
        }
        if (new HashSet<>(names).size() != k) {
            throw new IllegalArgumentException("segments names must be distinct: " + names);
        }
        names = List.copyOf(names);
    }
}
