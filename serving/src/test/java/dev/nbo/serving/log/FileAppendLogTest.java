package dev.nbo.serving.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAppendLogTest {
    @TempDir
    Path folder;

    @Test
    void recordsReadBackInOrderAfterReopen() {
        try (FileAppendLog log = FileAppendLog.open(folder)) {
            assertThat(log.append(records("a", "b"))).isEqualTo(0);
            assertThat(log.append(records("c"))).isEqualTo(2);
        }
        try (FileAppendLog log = FileAppendLog.open(folder)) {
            assertThat(log.size()).isEqualTo(3);
            assertThat(read(log, 0)).containsExactly("a", "b", "c");
            assertThat(read(log, 1)).containsExactly("b", "c");
            assertThat(log.append(records("d"))).isEqualTo(3);
            assertThat(read(log, 0)).containsExactly("a", "b", "c", "d");
        }
    }

    @Test
    void rollsSegmentsAtTheSizeLimitAndReplaysAcrossThem() {
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            for (int i = 0; i < 100; i++) {
                log.append(records("record-%03d-".formatted(i) + "x".repeat(40)));
            }
            assertThat(log.segmentFiles()).hasSizeGreaterThan(5);
            assertThat(read(log, 57)).hasSize(43).first().asString().startsWith("record-057-");
        }
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            assertThat(log.size()).isEqualTo(100);
            assertThat(read(log, 0)).hasSize(100).last().asString().startsWith("record-099-");
        }
    }

    @Test
    void eachSegmentStartsAtTheSequenceOfItsFirstRecordAndOneRecordReadsAlone() {
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            for (int i = 0; i < 100; i++) {
                log.append(records("record-%03d-".formatted(i) + "x".repeat(40)));
            }
            List<Long> starts = log.segmentStarts();
            assertThat(starts).hasSize(log.segmentFiles().size()).first().isEqualTo(0L);
            assertThat(starts).isSorted().doesNotHaveDuplicates();
            for (long start : starts) {
                assertThat(new String(log.read(start).orElseThrow(), StandardCharsets.UTF_8))
                        .startsWith("record-%03d-".formatted(start));
            }
            assertThat(new String(log.read(57).orElseThrow(), StandardCharsets.UTF_8)).startsWith("record-057-");
            assertThat(log.read(100)).isEmpty();
        }
    }

    @Test
    void deleteBeforeDropsWholeOldSegmentsAndKeepsSequences() {
        List<Long> starts;
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            for (int i = 0; i < 100; i++) {
                log.append(records("record-%03d-".formatted(i) + "x".repeat(40)));
            }
            starts = log.segmentStarts();
            long cut = starts.get(3) + 1; // inside the fourth segment: only the first three hold nothing after it

            assertThat(log.deleteBefore(cut)).isEqualTo(starts.get(3));

            assertThat(log.segmentStarts()).isEqualTo(starts.subList(3, starts.size()));
            assertThat(log.segmentFiles()).hasSize(starts.size() - 3);
            assertThat(log.size()).isEqualTo(100);
            assertThat(read(log, 0)).hasSize(100 - starts.get(3).intValue()).first().asString()
                    .startsWith("record-%03d-".formatted(starts.get(3)));
            assertThat(log.read(starts.get(3) - 1)).as("a deleted record").isEmpty();
            log.append(records("after the deletion"));
            assertThat(log.read(100)).isPresent();
        }
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            assertThat(log.segmentStarts().get(0)).as("the log reopens where it now starts").isEqualTo(starts.get(3));
            assertThat(log.size()).isEqualTo(101);
            assertThat(read(log, 0).get(0)).startsWith("record-%03d-".formatted(starts.get(3)));
        }
        List<Long> sequences = new ArrayList<>();
        assertThat(FileAppendLogReader.read(folder, (sequence, payload) -> sequences.add(sequence)))
                .as("read without opening the log").isEqualTo(101 - starts.get(3));
        assertThat(sequences.get(0)).isEqualTo(starts.get(3));
    }

    @Test
    void deleteBeforeNeverDeletesTheSegmentBeingWritten() {
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            for (int i = 0; i < 100; i++) {
                log.append(records("record-%03d-".formatted(i) + "x".repeat(40)));
            }
            long last = log.segmentStarts().get(log.segmentStarts().size() - 1);

            assertThat(log.deleteBefore(Long.MAX_VALUE)).isEqualTo(last);

            assertThat(log.segmentStarts()).containsExactly(last);
            assertThat(read(log, 0)).hasSize(100 - (int) last);
            assertThat(log.deleteBefore(Long.MAX_VALUE)).isZero();
            assertThat(log.deleteBefore(0)).isZero();
        }
    }

    @Test
    void aReplayRunningWhileOldSegmentsAreDeletedReadsWhatIsLeft() throws Exception {
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            for (int i = 0; i < 100; i++) {
                log.append(records("record-%03d-".formatted(i) + "x".repeat(40)));
            }
            long keptFrom = log.segmentStarts().get(4);
            CountDownLatch firstRead = new CountDownLatch(1);
            CountDownLatch deleted = new CountDownLatch(1);
            List<Long> sequences = new ArrayList<>();
            java.util.concurrent.atomic.AtomicReference<Throwable> failed =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread reader = new Thread(() -> log.replay(0, (sequence, payload) -> {
                if (sequences.isEmpty()) {
                    firstRead.countDown();
                    await(deleted); // the rest of the log is deleted under the replay
                }
                sequences.add(sequence);
            }));
            reader.setUncaughtExceptionHandler((thread, e) -> failed.set(e));
            reader.start();
            await(firstRead);
            log.deleteBefore(keptFrom);
            deleted.countDown();
            reader.join();

            assertThat(failed.get()).as("the replay").isNull();

            // the open first segment is read to its end; the deleted ones after it are skipped, not an error
            assertThat(sequences).startsWith(0L).contains(keptFrom).endsWith(99L).isSorted();
        }
    }

    @Test
    void aReadWithoutOpeningTheLogGoesOnWhereTheLogStartsWhenRetentionDeletesUnderIt() {
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            for (int i = 0; i < 100; i++) {
                log.append(records("record-%03d-".formatted(i) + "x".repeat(40)));
            }
            long keptFrom = log.segmentStarts().get(4);
            List<Long> sequences = new ArrayList<>();

            FileAppendLogReader.read(folder, (sequence, payload) -> {
                if (sequences.isEmpty()) {
                    log.deleteBefore(keptFrom); // several segments go while the first one is read
                }
                sequences.add(sequence);
            });

            // the first segment, open already, is read to its end; the read goes on where the log now starts
            assertThat(sequences).startsWith(0L).contains(keptFrom).endsWith(99L).isSorted()
                    .doesNotContain(keptFrom - 1);
        }
    }

    @Test
    void emptyRecordsAreRefused() {
        try (FileAppendLog log = FileAppendLog.open(folder)) {
            assertThatThrownBy(() -> log.append(List.of(new byte[0])))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty record");
        }
    }

    @Test
    void aTornRecordAtTheEndOfTheLastSegmentIsTruncatedOnOpen() throws IOException {
        Path segment;
        try (FileAppendLog log = FileAppendLog.open(folder)) {
            log.append(records("kept-1", "kept-2", "torn-record"));
            segment = log.segmentFiles().get(0);
        }
        long size = Files.size(segment);
        truncate(segment, size - 3); // a crash in the middle of the last record's payload

        try (FileAppendLog log = FileAppendLog.open(folder)) {
            assertThat(read(log, 0)).containsExactly("kept-1", "kept-2");
            assertThat(Files.size(segment)).isEqualTo(size - 8 - "torn-record".length());
            log.append(records("after"));
        }
        try (FileAppendLog log = FileAppendLog.open(folder)) {
            assertThat(read(log, 0)).containsExactly("kept-1", "kept-2", "after");
        }
    }

    @Test
    void aTornHeaderAtTheEndIsTruncatedToo() throws IOException {
        Path segment;
        try (FileAppendLog log = FileAppendLog.open(folder)) {
            log.append(records("kept"));
            segment = log.segmentFiles().get(0);
        }
        Files.write(segment, new byte[] {0, 0, 0}, java.nio.file.StandardOpenOption.APPEND);
        try (FileAppendLog log = FileAppendLog.open(folder)) {
            assertThat(read(log, 0)).containsExactly("kept");
            assertThat(Files.size(segment)).isEqualTo(8 + 4);
        }
    }

    @Test
    void aCorruptRecordInAnOlderSegmentIsRefused() throws IOException {
        Path first;
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            for (int i = 0; i < 40; i++) {
                log.append(records("r" + i + "-" + "y".repeat(60)));
            }
            first = log.segmentFiles().get(0);
            assertThat(log.segmentFiles()).hasSizeGreaterThan(1);
        }
        flipByte(first, 20);

        assertThatThrownBy(() -> FileAppendLog.open(folder, 1024))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(first.toString())
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("not the last segment");
    }

    @Test
    void aMissingSegmentIsRefused() throws IOException {
        List<Path> segments;
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            for (int i = 0; i < 40; i++) {
                log.append(records("r" + i + "-" + "y".repeat(60)));
            }
            segments = log.segmentFiles();
        }
        Files.delete(segments.get(1));
        assertThatThrownBy(() -> FileAppendLog.open(folder, 1024))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a segment is missing");
    }

    @Test
    void concurrentAppendersShareOneForce() throws Exception {
        try (FileAppendLog log = FileAppendLog.open(folder)) {
            log.append(records("first"));
            // A rewrite that waits holds the writer thread, so the appends below all queue up behind it.
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> log.rewrite(payload -> {
                entered.countDown();
                await(release);
                return payload;
            }));
            holder.start();
            entered.await();
            ExecutorService appenders = Executors.newFixedThreadPool(8);
            try {
                List<Future<Long>> firsts = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    firsts.add(appenders.submit(() -> log.append(records("t" + thread + "-a", "t" + thread + "-b"))));
                }
                while (log.queued() < 8) {
                    Thread.onSpinWait();
                }
                long commitsBefore = log.commits();
                release.countDown();
                List<String> all = new ArrayList<>();
                for (Future<Long> first : firsts) {
                    first.get();
                }
                holder.join();
                assertThat(log.commits() - commitsBefore).isEqualTo(1);
                all.addAll(read(log, 1));
                assertThat(all).hasSize(16);
                for (int t = 0; t < 8; t++) {
                    // Each append is contiguous, at the sequence it was told.
                    long at = firsts.get(t).get();
                    assertThat(read(log, at).subList(0, 2)).containsExactly("t" + t + "-a", "t" + t + "-b");
                }
            } finally {
                appenders.shutdown();
            }
        }
    }

    @Test
    void manyConcurrentAppendsAreAllDurableOnce() throws Exception {
        try (FileAppendLog log = FileAppendLog.open(folder, 4096)) {
            ExecutorService appenders = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    done.add(appenders.submit(() -> IntStream.range(0, 100)
                            .forEach(i -> log.append(records(thread + ":" + i)))));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                appenders.shutdown();
            }
        }
        try (FileAppendLog log = FileAppendLog.open(folder, 4096)) {
            assertThat(read(log, 0)).hasSize(400).doesNotHaveDuplicates().contains("0:0", "3:99");
        }
    }

    @Test
    void rewriteReplacesRecordsAndKeepsSequences() {
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            for (int i = 0; i < 30; i++) {
                log.append(records((i % 2 == 0 ? "secret-" : "public-") + i + "-" + "z".repeat(50)));
            }
            log.rewrite(payload -> new String(payload, StandardCharsets.UTF_8).startsWith("secret")
                    ? "erased".getBytes(StandardCharsets.UTF_8) : payload);
            log.append(records("after-rewrite"));
        }
        try (FileAppendLog log = FileAppendLog.open(folder, 1024)) {
            List<String> all = read(log, 0);
            assertThat(all).hasSize(31).noneMatch(r -> r.startsWith("secret"));
            assertThat(all.get(0)).isEqualTo("erased");
            assertThat(all.get(1)).startsWith("public-1-");
            assertThat(all.get(30)).isEqualTo("after-rewrite");
        }
    }

    @Test
    void aRewriteCutShortLeavesNoTemporaryFileBehindAfterReopen() throws IOException {
        try (FileAppendLog log = FileAppendLog.open(folder)) {
            log.append(records("kept"));
        }
        Path leftover = folder.resolve("segment-00000000000000000000.log.rewrite");
        Files.write(leftover, "half-rewritten".getBytes(StandardCharsets.UTF_8));

        try (FileAppendLog log = FileAppendLog.open(folder)) {
            assertThat(leftover).doesNotExist();
            assertThat(read(log, 0)).containsExactly("kept");
        }
    }

    @Test
    void appendsAfterCloseAreRefused() {
        FileAppendLog log = FileAppendLog.open(folder);
        log.close();
        assertThatThrownBy(() -> log.append(records("late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    static List<byte[]> records(String... values) {
        return java.util.Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    }

    static List<String> read(AppendLog log, long from) {
        List<String> out = new ArrayList<>();
        log.replay(from, (sequence, payload) -> out.add(new String(payload, StandardCharsets.UTF_8)));
        return out;
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    private static void flipByte(Path file, long at) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0xFF);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
