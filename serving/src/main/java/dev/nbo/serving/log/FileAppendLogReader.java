package dev.nbo.serving.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the records of a {@link FileAppendLog} folder without opening the log: no recovery, no writer thread, and no
 * file created, truncated or deleted, so it is safe while the server (another process, which takes no lock on the
 * folder) appends to it. It reads the segments present when it starts, each up to its last complete record: a torn
 * record at the end of the last segment is an append in flight (or a crash that the next open truncates) and ends the
 * read; a bad record in an older segment, or a missing segment, is refused as {@link FileAppendLog#open} refuses it.
 * A segment replaced by a concurrent rewrite (an erasure) is read whole, before or after it; the oldest segments,
 * deleted by retention after the read listed them, are skipped.
 */
public final class FileAppendLogReader {
    private static final Pattern SEGMENT_NAME = Pattern.compile("segment-(\\d{20})\\.log");

    private FileAppendLogReader() {
    }

    /**
     * Reads every complete record of the log in {@code folder}, oldest first.
     *
     * @return how many records were read
     * @throws IllegalStateException if {@code folder} holds no log, or an older segment is corrupt or missing
     */
    public static long read(Path folder, AppendLog.RecordConsumer consumer) {
        NavigableMap<Long, Path> segments = segments(folder);
        long sequence = segments.isEmpty() ? 0 : segments.firstKey();
        long read = 0;
        for (Map.Entry<Long, Path> segment : segments.entrySet()) {
            if (segment.getKey() != sequence) {
                throw new IllegalStateException("log segment " + segment.getValue() + " starts at record "
                        + segment.getKey() + " but the segments before it end at record " + sequence
                        + ": a segment is missing");
            }
            SegmentReader opened = open(segment.getValue(), read == 0);
            if (opened == null) {
                // retention deleted the oldest segments after they were listed: the log now starts after them
                Long next = segments.higherKey(segment.getKey());
                sequence = next == null ? sequence : next;
                continue;
            }
            try (SegmentReader reader = opened) {
                for (byte[] payload = reader.next(); payload != null; payload = reader.next()) {
                    consumer.accept(sequence++, payload);
                    read++;
                }
                if (reader.problem() != null && !segment.getKey().equals(segments.lastKey())) {
                    throw new IllegalStateException("log segment " + segment.getValue() + " has a bad record at byte "
                            + reader.validEnd() + " (" + reader.problem() + ") but it is not the last segment;"
                            + " open the log (start the server) to see what to do");
                }
            }
        }
        return read;
    }

    /**
     * A reader of the segment; null when it is gone and nothing was read yet (retention deletes the oldest segments
     * first, so only those can vanish before the read reaches them).
     */
    private static SegmentReader open(Path segment, boolean nothingReadYet) {
        try {
            return new SegmentReader(segment);
        } catch (UncheckedIOException e) {
            if (nothingReadYet && e.getCause() instanceof NoSuchFileException) {
                return null;
            }
            throw e;
        }
    }

    private static NavigableMap<Long, Path> segments(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no log in " + folder + ": the folder does not exist");
        }
        NavigableMap<Long, Path> segments = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> {
                Matcher name = SEGMENT_NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    segments.put(Long.parseLong(name.group(1)), file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return segments;
    }
}
