package dev.nbo.serving.cli;

import dev.nbo.serving.app.ServingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The serving benchmark's world: the demo's offers plus generated variants of each (same target, value, content;
 * ids {@code <id>-v1}, {@code <id>-v2}, ...), and the demo's blocks plus {@link #WIDE_BLOCK}, a copy of
 * {@link #NARROW_BLOCK} whose candidates are every offer of that catalog. The narrow block keeps exactly the demo's
 * offers as candidates, so the two blocks differ only in how many offers one request ranks. Both keep the demo block's
 * frequency cap window with a maximum of {@value #BENCH_CAP}. Written as files under the benchmark's work folder; the
 * demo's own files are not touched.
 *
 * <p>The model was trained on the demo's offers: its encoder maps a variant's id to its "(other)" one-hot. The scores
 * of variants mean little, which does not matter for a latency benchmark: every candidate costs what a real one does
 * (features, one row of the ONNX batch, arbitration).
 */
final class BenchWorld {
    static final String NARROW_BLOCK = "recommended-for-you";
    static final String WIDE_BLOCK = "bench-wide";
    /** The frequency cap of the bench's blocks: more sends than a bench gives one customer. */
    static final int BENCH_CAP = 1000;

    private BenchWorld() {
    }

    /** Writes the bench offers and blocks into {@code work} and returns {@code demo} pointing at them. */
    static ServingConfig write(ServingConfig demo, Path work, int variantsPerOffer) {
        Yaml yaml = yaml();
        Map<String, Object> offers = load(yaml, demo.offers());
        List<Map<String, Object>> demoOffers = list(offers, "offers", demo.offers());
        List<Object> demoIds = demoOffers.stream().map(offer -> offer.get("id")).toList();
        List<Map<String, Object>> all = new ArrayList<>(demoOffers);
        for (int v = 1; v <= variantsPerOffer; v++) {
            for (Map<String, Object> offer : demoOffers) {
                // a deep copy: shared nested maps would be written as YAML aliases, which the loader limits
                Map<String, Object> variant = yaml.load(yaml.dump(offer));
                variant.put("id", offer.get("id") + "-v" + v);
                all.add(variant);
            }
        }
        offers.put("offers", all);

        Map<String, Object> blocks = load(yaml, demo.blocks());
        List<Map<String, Object>> demoBlocks = list(blocks, "blocks", demo.blocks());
        Path blocksFolder = demo.blocks().toAbsolutePath().getParent();
        List<Map<String, Object>> benchBlocks = new ArrayList<>();
        Map<String, Object> narrow = null;
        for (Map<String, Object> block : demoBlocks) {
            Map<String, Object> copy = new LinkedHashMap<>(block);
            // the bench's blocks file lives elsewhere: its template and rules paths must not be relative
            for (String field : List.of("template", "fallback_template", "rules")) {
                if (copy.get(field) instanceof String path) {
                    copy.put(field, blocksFolder.resolve(path).normalize().toString());
                }
            }
            if (NARROW_BLOCK.equals(copy.get("id"))) {
                copy.put("candidates", demoIds);
                if (copy.get("frequency_cap") instanceof Map<?, ?> cap) {
                    // looked up for every candidate as in production, but never binding: the bench sends each
                    // customer dozens of emails a minute, and under the demo's cap most would fall back, scoring
                    // nothing
                    copy.put("frequency_cap", Map.of("max", BENCH_CAP, "per_days", cap.get("per_days")));
                }
                narrow = copy;
            }
            benchBlocks.add(copy);
        }
        if (narrow == null) {
            throw new IllegalArgumentException(demo.blocks() + " has no block " + NARROW_BLOCK + ", which the serving"
                    + " benchmark copies; run it on the demo's config/serving.yaml");
        }
        Map<String, Object> wide = new LinkedHashMap<>(narrow);
        wide.put("id", WIDE_BLOCK);
        wide.put("description", "Benchmark: " + NARROW_BLOCK + " ranking every offer, variants included");
        wide.put("candidates", "all");
        benchBlocks.add(wide);
        blocks.put("blocks", benchBlocks);

        Path offersFile = dump(yaml, offers, work.resolve("bench-offers.yaml"));
        Path blocksFile = dump(yaml, blocks, work.resolve("bench-blocks.yaml"));
        // no experiments: the bench measures one decision per request (an experiment's block also computes every
        // other arm's choice, see docs/experiments.md), and the bench offers are not the experiments' catalog
        return new ServingConfig(demo.origin(), demo.server(), demo.spec(), offersFile, blocksFile, demo.registry(),
                demo.modelName(), demo.watchEvery(), demo.onlineSnapshot(), demo.reloadSnapshot(), demo.store(),
                demo.logDir(), demo.snapshotClock(), null, demo.decisionRetention());
    }

    /** Dates stay text ({@code valid_from: 2025-03-01} is written back as it was read, not as a timestamp). */
    private static Yaml yaml() {
        DumperOptions dumper = new DumperOptions();
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        LoaderOptions loader = new LoaderOptions();
        Resolver noTimestamps = new Resolver() {
            @Override
            public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
                if (!Tag.TIMESTAMP.equals(tag)) {
                    super.addImplicitResolver(tag, regexp, first, limit);
                }
            }
        };
        return new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader, noTimestamps);
    }

    private static Map<String, Object> load(Yaml yaml, Path file) {
        try {
            return yaml.load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> root, String field, Path file) {
        if (!(root.get(field) instanceof List<?> items)) {
            throw new IllegalArgumentException(file + " has no list '" + field + "'");
        }
        return (List<Map<String, Object>>) items;
    }

    private static Path dump(Yaml yaml, Map<String, Object> root, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml.dump(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
