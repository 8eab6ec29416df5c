package dev.nbo.features.generate;

import java.nio.file.Path;

/** Simulates one chunk of customers into its part files, reporting each finished customer to the progress line. */
final class ChunkGenerator {
    private final World world;
    private final Path warehouse;
    private final int chunkSize;
    private final GenerationProgress progress;

    ChunkGenerator(World world, Path warehouse, int chunkSize, GenerationProgress progress) {
        this.world = world;
        this.warehouse = warehouse;
        this.chunkSize = chunkSize;
        this.progress = progress;
    }

    /** The rows and dirt a chunk holds. */
    record Result(RowCounts rows, DirtCounts dirt) {
    }

    Result generate(int chunk) {
        int from = Math.toIntExact((long) chunk * chunkSize);
        int to = (int) Math.min(world.customers(), (long) from + chunkSize);
        try (ChunkFiles files = new ChunkFiles(warehouse, chunk)) {
            Dirt dirt = new Dirt(files, world);
            long events = 0;
            for (int index = from; index < to; index++) {
                dirt.startCustomer(index);
                new CustomerTimeline(world, world.customer(index), dirt, world.seed()).run();
                long written = files.events();
                progress.customerDone(written - events);
                events = written;
            }
            return new Result(files.counts(), dirt.counts());
        }
    }
}
