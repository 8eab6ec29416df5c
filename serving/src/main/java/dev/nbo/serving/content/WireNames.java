package dev.nbo.serving.content;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the lower-case names that {@code blocks.yaml} uses for enum values. */
final class WireNames {
    private WireNames() {
    }

    static <E extends Enum<E>> E parse(E[] values, String wire, Function<E, String> name) {
        for (E value : values) {
            if (name.apply(value).equals(wire)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + wire + "' is not known here; use one of "
                + Arrays.stream(values).map(name).collect(Collectors.joining(", ")));
    }
}
