package dev.nbo.models.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serving reads the champion while training promotes: every read must see one complete, valid version. */
class ChampionSwitchTest {
    private static final String MODEL = "propensity";
    private static final List<String> VERSIONS = List.of("20261101-030000", "20261102-030000", "20261103-030000");
    private static final int READERS = 3;
    private static final int PROMOTIONS = 40;
    private static final int MIN_READS_PER_READER = 20;

    @TempDir
    Path temp;

    @Test
    void readersSeeTheOldOrTheNewChampionNeverAPartialOne() throws Exception {
        LocalModelRegistry registry = new LocalModelRegistry(temp.resolve("registry"));
        for (String version : VERSIONS) {
            registry.register(MODEL, version, ManifestFixture.files(temp.resolve("out-" + version), version),
                    ManifestFixture.manifest(MODEL, version));
        }
        registry.promote(MODEL, VERSIONS.get(0), "initial");

        AtomicBoolean promoting = new AtomicBoolean(true);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        List<Future<Set<String>>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(pool.submit(() -> read(registry, promoting, failures)));
        }
        try {
            for (int i = 1; i <= PROMOTIONS; i++) {
                registry.promote(MODEL, VERSIONS.get(i % VERSIONS.size()), "switch " + i);
            }
        } finally {
            promoting.set(false);
        }
        Set<String> seen = new HashSet<>();
        for (Future<Set<String>> reader : readers) {
            seen.addAll(reader.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(failures).isEmpty();
        assertThat(seen).isSubsetOf(VERSIONS);
        assertThat(registry.champion(MODEL).orElseThrow().version()).isEqualTo(VERSIONS.get(PROMOTIONS % 3));
        assertThat(registry.promotions(MODEL)).hasSize(PROMOTIONS + 1);
    }

    /** Reads until promotions stop, and at least {@link #MIN_READS_PER_READER} times; returns the versions seen. */
    private static Set<String> read(ModelRegistry registry, AtomicBoolean promoting, Queue<Throwable> failures) {
        Set<String> seen = new HashSet<>();
        int reads = 0;
        while (promoting.get() || reads < MIN_READS_PER_READER) {
            try {
                String pointed = registry.champion(MODEL).orElseThrow().version();
                VerifiedModel model = registry.loadChampion(MODEL, ManifestFixture.SPEC_HASH);
                if (!VERSIONS.contains(pointed) || !model.manifest().version().equals(model.version())
                        || !model.directory().endsWith(model.version())) {
                    failures.add(new AssertionError("inconsistent read: " + pointed + ", " + model));
                }
                seen.add(model.version());
            } catch (RuntimeException e) {
                failures.add(e);
            }
            reads++;
        }
        return seen;
    }
}
