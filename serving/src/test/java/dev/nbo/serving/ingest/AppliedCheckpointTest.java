package dev.nbo.serving.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppliedCheckpointTest {
    @TempDir
    Path folder;

    @Test
    void aNewCheckpointSaysNothingWasApplied() {
        try (AppliedCheckpoint checkpoint = AppliedCheckpoint.open(folder.resolve("applied.checkpoint"))) {
            assertThat(checkpoint.applied()).isZero();
        }
    }

    @Test
    void theLatestSavedCountSurvivesAReopen() {
        Path file = folder.resolve("applied.checkpoint");
        try (AppliedCheckpoint checkpoint = AppliedCheckpoint.open(file)) {
            checkpoint.save(1_000);
            checkpoint.save(2_000);
            checkpoint.save(3_000);
        }
        try (AppliedCheckpoint checkpoint = AppliedCheckpoint.open(file)) {
            assertThat(checkpoint.applied()).isEqualTo(3_000);
            checkpoint.save(4_000);
        }
        try (AppliedCheckpoint checkpoint = AppliedCheckpoint.open(file)) {
            assertThat(checkpoint.applied()).isEqualTo(4_000);
        }
    }

    @Test
    void aTornWriteOfOneSlotFallsBackToTheOther() throws Exception {
        Path file = folder.resolve("applied.checkpoint");
        try (AppliedCheckpoint checkpoint = AppliedCheckpoint.open(file)) {
            checkpoint.save(1_000); // slot 0
            checkpoint.save(2_000); // slot 1
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(16 + 7);
            raf.write(0x7F); // slot 1 half-written
        }
        try (AppliedCheckpoint checkpoint = AppliedCheckpoint.open(file)) {
            assertThat(checkpoint.applied()).isEqualTo(1_000);
        }
    }
}
