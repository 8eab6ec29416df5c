package dev.nbo.models.encode;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Turns a {@link ScoringRow} into named model inputs. Fitted once on the training rows (vocabularies of categorical
 * features), written as {@code encoder.json}, and read back by serving, so that training and serving encode a pair
 * the same way.
 *
 * <p>Which kind each feature gets follows from the feature spec: numbers and booleans are numeric; strings are
 * one-hot, and a string read from a {@code category} column is also compared with the offer's category; lists of
 * strings are multi-hot and tested for the offer's category. The offer id and the offer category are one-hot, which
 * lets the model learn each offer's base rate.
 */
public final class FeatureEncoder {

    public static final String FORMAT = "nbo-encoder/1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String featureSpecHash;
    private final List<EncoderInput> inputs;
    /** The input names of each input, built once: encoding runs per candidate row on the serving path. */
    private final List<List<String>> inputNames;
    /** Each one-hot input's vocabulary position by value (null for other kinds), for the same reason. */
    private final List<Map<String, Integer>> positions;
    /** Where each input's value comes from, for the same reason (a switch on the name hashes and compares it). */
    private final ValueSource[] sources;

    private enum ValueSource { OFFER_ID, OFFER_CATEGORY, FEATURE }

    public FeatureEncoder(String featureSpecHash, List<EncoderInput> inputs) {
        this.featureSpecHash = Objects.requireNonNull(featureSpecHash, "featureSpecHash");
        this.inputs = List.copyOf(inputs);
        this.inputNames = this.inputs.stream().map(EncoderInput::inputNames).toList();
        List<Map<String, Integer>> positions = new ArrayList<>(this.inputs.size());
        for (EncoderInput input : this.inputs) {
            Map<String, Integer> position = null;
            if (input.kind() == EncoderKind.ONE_HOT) {
                position = new HashMap<>();
                for (int k = input.values().size() - 1; k >= 0; k--) {
                    position.put(input.values().get(k), k); // the first of duplicates wins, as indexOf did
                }
            }
            positions.add(position);
        }
        this.positions = Collections.unmodifiableList(positions);
        this.sources = this.inputs.stream().map(input -> switch (input.feature()) {
            case EncoderInput.OFFER_ID -> ValueSource.OFFER_ID;
            case EncoderInput.OFFER_CATEGORY -> ValueSource.OFFER_CATEGORY;
            default -> ValueSource.FEATURE;
        }).toArray(ValueSource[]::new);
    }

    /** Learns the vocabularies from the training rows; every feature of {@code featureNames} must be in the spec. */
    public static FeatureEncoder fit(FeatureSpec spec, List<String> featureNames, Iterable<ScoringRow> rows,
                                     EncoderConfig config) {
        List<EncoderInput> plan = plan(spec, featureNames);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (EncoderInput input : plan) {
            if (input.kind() == EncoderKind.ONE_HOT || input.kind() == EncoderKind.MULTI_HOT) {
                counts.put(input.feature(), new HashMap<>());
            }
        }
        for (ScoringRow row : rows) {
            counts.forEach((feature, byValue) -> {
                for (String value : textValues(valueOf(row, feature))) {
                    byValue.merge(value, 1L, Long::sum);
                }
            });
        }
        List<EncoderInput> fitted = new ArrayList<>(plan.size());
        for (EncoderInput input : plan) {
            boolean hasVocabulary = input.kind() == EncoderKind.ONE_HOT || input.kind() == EncoderKind.MULTI_HOT;
            Map<String, Long> byValue = counts.get(input.feature());
            fitted.add(!hasVocabulary ? input
                    : new EncoderInput(input.feature(), input.kind(), vocabulary(byValue, config)));
        }
        return new FeatureEncoder(spec.hash(), fitted);
    }

    private static List<EncoderInput> plan(FeatureSpec spec, List<String> featureNames) {
        List<EncoderInput> plan = new ArrayList<>();
        plan.add(new EncoderInput(EncoderInput.OFFER_ID, EncoderKind.ONE_HOT, List.of()));
        plan.add(new EncoderInput(EncoderInput.OFFER_CATEGORY, EncoderKind.ONE_HOT, List.of()));
        for (String name : featureNames) {
            FeatureDefinition feature = spec.require(name);
            switch (feature.type()) {
                case LONG, DOUBLE, BOOLEAN -> plan.add(new EncoderInput(name, EncoderKind.NUMERIC, List.of()));
                case STRING -> {
                    plan.add(new EncoderInput(name, EncoderKind.ONE_HOT, List.of()));
                    if ("category".equals(feature.column()) && feature.entity() == Entity.CUSTOMER) {
                        plan.add(new EncoderInput(name, EncoderKind.MATCHES_OFFER_CATEGORY, List.of()));
                    }
                }
                case STRING_LIST -> {
                    plan.add(new EncoderInput(name, EncoderKind.MULTI_HOT, List.of()));
                    plan.add(new EncoderInput(name, EncoderKind.CONTAINS_OFFER_CATEGORY, List.of()));
                }
            }
        }
        return plan;
    }

    private static List<String> vocabulary(Map<String, Long> byValue, EncoderConfig config) {
        return byValue.entrySet().stream()
                .filter(e -> e.getValue() >= config.minCount())
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(config.maxValues())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The spec hash the encoder was fitted with; a row built from other definitions must not be encoded. */
    public String featureSpecHash() {
        return featureSpecHash;
    }

    public List<EncoderInput> inputs() {
        return inputs;
    }

    /** Every input name this encoder can produce, in a stable order. */
    public List<String> inputNames() {
        return inputNames.stream().flatMap(List::stream).toList();
    }

    /** The names of the spec features the encoder reads. */
    public List<String> featureNames() {
        return inputs.stream().map(EncoderInput::feature)
                .filter(f -> !f.equals(EncoderInput.OFFER_ID) && !f.equals(EncoderInput.OFFER_CATEGORY))
                .distinct().toList();
    }

    /** Receives the value of output {@code output} of input {@code input}; missing numbers are never passed. */
    @FunctionalInterface
    private interface ValueSink {
        void accept(int input, int output, double value);
    }

    /** Computes every input value of the row once, in input order, and hands each to {@code sink}. */
    private void encodeInto(ScoringRow row, ValueSink sink) {
        for (int i = 0; i < inputs.size(); i++) {
            encodeInput(i, row, sink);
        }
    }

    /** Computes the values of input {@code i} of the row and hands each to {@code sink}. */
    private void encodeInput(int i, ScoringRow row, ValueSink sink) {
        EncoderInput input = inputs.get(i);
        Object value = switch (sources[i]) {
            case OFFER_ID -> row.offerId();
            case OFFER_CATEGORY -> row.offerCategory();
            case FEATURE -> row.feature(input.feature());
        };
        switch (input.kind()) {
            case NUMERIC -> {
                double number = number(input.feature(), value);
                if (!Double.isNaN(number)) {
                    sink.accept(i, 0, number);
                }
            }
            case ONE_HOT -> {
                // outputs: one per vocabulary value, then (other), then (missing)
                int vocabulary = input.values().size();
                int chosen = value == null ? vocabulary + 1
                        : positions.get(i).getOrDefault(value.toString(), vocabulary);
                for (int k = 0; k < vocabulary + 2; k++) {
                    sink.accept(i, k, k == chosen ? 1.0 : 0.0);
                }
            }
            case MULTI_HOT -> {
                for (int k = 0; k < input.values().size(); k++) {
                    sink.accept(i, k, holds(value, input.values().get(k)) ? 1.0 : 0.0);
                }
            }
            case MATCHES_OFFER_CATEGORY -> sink.accept(i, 0,
                    value != null && value.toString().equals(row.offerCategory()) ? 1.0 : 0.0);
            case CONTAINS_OFFER_CATEGORY -> sink.accept(i, 0, holds(value, row.offerCategory()) ? 1.0 : 0.0);
        }
    }

    /**
     * True when input {@code i} depends on nothing but its feature's value: the same in every row whose feature is
     * the same (the offer's own columns and the comparisons with the offer's category are per row).
     */
    private boolean dependsOnFeatureOnly(int i) {
        EncoderInput input = inputs.get(i);
        return switch (input.kind()) {
            case NUMERIC, ONE_HOT, MULTI_HOT -> sources[i] == ValueSource.FEATURE;
            case MATCHES_OFFER_CATEGORY, CONTAINS_OFFER_CATEGORY -> false;
        };
    }

    public EncodedRow encode(ScoringRow row) {
        List<String> names = new ArrayList<>(128);
        List<Double> values = new ArrayList<>(128);
        encodeInto(row, (input, output, value) -> {
            names.add(inputNames.get(input).get(output));
            values.add(value);
        });
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return new EncodedRow(names.toArray(String[]::new), array);
    }

    /**
     * An encoder bound to a model's input order: rows become the dense vectors the ONNX model reads, NaN where an input
     * is missing or the model does not know it. Binding maps every output to its column once, so that encoding a row
     * (per candidate, on the serving path) does no name lookup.
     */
    public DenseLayout layout(List<String> modelInputs) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < modelInputs.size(); i++) {
            column.put(modelInputs.get(i), i);
        }
        int[][] columns = new int[inputs.size()][];
        for (int i = 0; i < inputs.size(); i++) {
            List<String> names = inputNames.get(i);
            columns[i] = new int[names.size()];
            for (int k = 0; k < names.size(); k++) {
                columns[i][k] = column.getOrDefault(names.get(k), -1);
            }
        }
        return new DenseLayout(modelInputs.size(), columns);
    }

    /** See {@link #layout(List)}. Thread-safe. */
    public final class DenseLayout {
        private final int width;
        private final int[][] columns;
        /** The split of the last batch's shared features (serving passes the same set every time). */
        private volatile Split split;

        private DenseLayout(int width, int[][] columns) {
            this.width = width;
            this.columns = columns;
        }

        public int width() {
            return width;
        }

        public float[] encode(ScoringRow row) {
            float[] dense = new float[width];
            Arrays.fill(dense, Float.NaN);
            encodeInto(row, (input, output, value) -> {
                int column = columns[input][output];
                if (column >= 0) {
                    dense[column] = (float) value;
                }
            });
            return dense;
        }

        /**
         * Encodes the rows into one row-major matrix [rows, {@link #width()}], the same values as {@link
         * #encode(ScoringRow)} row by row. The inputs of the features named in {@code sameInEveryRow} (a customer's
         * own features, when every row is one customer with another offer) are computed from the first row and
         * copied into the others: on the serving path they are most of the inputs, and the rows are the 50+
         * candidate offers of one request.
         */
        public float[] encode(List<ScoringRow> rows, Set<String> sameInEveryRow) {
            float[] dense = new float[rows.size() * width];
            Arrays.fill(dense, Float.NaN);
            if (rows.isEmpty()) {
                return dense;
            }
            Split split = this.split;
            // compared by identity: a caller passes one set for its lifetime, and comparing contents per batch
            // would cost what the split saves
            if (split == null || split.sameInEveryRow() != sameInEveryRow) {
                split = new Split(sameInEveryRow);
                this.split = split; // a benign race: any thread's split of the same set is the same
            }
            int[] shared = split.shared();
            int[] perRow = split.perRow();
            int[] offset = new int[1];
            ValueSink sink = (input, output, value) -> {
                int column = columns[input][output];
                if (column >= 0) {
                    dense[offset[0] + column] = (float) value;
                }
            };
            for (int input : shared) {
                encodeInput(input, rows.get(0), sink);
            }
            for (int r = 0; r < rows.size(); r++) {
                offset[0] = r * width;
                if (r > 0) {
                    for (int input : shared) {
                        for (int column : columns[input]) {
                            if (column >= 0) {
                                dense[offset[0] + column] = dense[column];
                            }
                        }
                    }
                }
                for (int input : perRow) {
                    encodeInput(input, rows.get(r), sink);
                }
            }
            return dense;
        }

        /** Which inputs a batch encodes once ({@code shared}) and which per row, for one set of shared features. */
        private final class Split {
            private final Set<String> sameInEveryRow;
            private final int[] shared;
            private final int[] perRow;

            Split(Set<String> sameInEveryRow) {
                this.sameInEveryRow = sameInEveryRow;
                this.shared = IntStream.range(0, inputs.size())
                        .filter(i -> isShared(i)).toArray();
                this.perRow = IntStream.range(0, inputs.size())
                        .filter(i -> !isShared(i)).toArray();
            }

            private boolean isShared(int input) {
                return dependsOnFeatureOnly(input) && sameInEveryRow.contains(inputs.get(input).feature());
            }

            Set<String> sameInEveryRow() {
                return sameInEveryRow;
            }

            int[] shared() {
                return shared;
            }

            int[] perRow() {
                return perRow;
            }
        }
    }

    private static Object valueOf(ScoringRow row, String feature) {
        return switch (feature) {
            case EncoderInput.OFFER_ID -> row.offerId();
            case EncoderInput.OFFER_CATEGORY -> row.offerCategory();
            default -> row.feature(feature);
        };
    }

    /** The value as a number; NaN when it is missing. */
    private static double number(String feature, Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        throw new IllegalArgumentException("feature " + feature + " should be a number or a boolean, got "
                + value.getClass().getSimpleName() + " " + value);
    }

    /** True when the value, or one element of it when it is a list, reads as {@code text}. */
    private static boolean holds(Object value, String text) {
        if (value == null || text == null) {
            return false;
        }
        if (value instanceof Collection<?> list) {
            for (Object element : list) {
                if (element != null && element.toString().equals(text)) {
                    return true;
                }
            }
            return false;
        }
        return value.toString().equals(text);
    }

    private static Collection<String> textValues(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().filter(Objects::nonNull).map(Object::toString).toList();
        }
        return List.of(value.toString());
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), new Json(FORMAT, featureSpecHash, inputs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the encoder to " + file + ": " + e.getMessage(), e);
        }
    }

    public static FeatureEncoder read(Path file) {
        try {
            Json json = JSON.readValue(file.toFile(), Json.class);
            if (!FORMAT.equals(json.format())) {
                throw new IllegalArgumentException(file + ": encoder format " + json.format() + " is not " + FORMAT
                        + "; retrain the model with this version of nbo");
            }
            return new FeatureEncoder(json.featureSpecHash(), json.inputs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the encoder " + file + ": " + e.getMessage(), e);
        }
    }

    private record Json(String format,
                        @JsonProperty("feature_spec_hash") String featureSpecHash,
                        List<EncoderInput> inputs) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureEncoder other && featureSpecHash.equals(other.featureSpecHash)
                && inputs.equals(other.inputs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureSpecHash, inputs);
    }

    @Override
    public String toString() {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        inputs.forEach(i -> kinds.merge(i.kind().wireName(), 1, Integer::sum));
        return "FeatureEncoder" + kinds + " -> " + inputNames().size() + " inputs";
    }
}
