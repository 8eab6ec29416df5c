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
 * A segment replaced by a concurrent rewrite (an erasure) is read whole, before or after it; segments deleted by
 * retention (the oldest) after the read listed them are skipped, and the read goes on where the log now starts.
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
        if (segments.isEmpty()) {
            return 0;
        }
        long sequence = segments.firstKey();
        long read = 0;
        Long start = segments.firstKey();
        while (start != null) {
            Path file = segments.get(start);
            if (start != sequence) {
                throw new IllegalStateException("log segment " + file + " starts at record " + start
                        + " but the segments before it end at record " + sequence + ": a segment is missing");
            }
            SegmentReader opened = open(file);
            if (opened == null) {
                // retention deletes the oldest segments first: one gone since the listing means the log now starts
                // after it, and the read goes on from there
                NavigableMap<Long, Path> now = segments(folder);
                if (now.isEmpty() || start >= now.firstKey()) {
                    throw new IllegalStateException("log segment " + file + " vanished while the log was read, and"
                            + " not by retention (segments after it remain); is another process moving them?");
                }
                segments = now;
                sequence = now.firstKey();
                start = sequence;
                continue;
            }
            try (SegmentReader reader = opened) {
                for (byte[] payload = reader.next(); payload != null; payload = reader.next()) {
                    consumer.accept(sequence++, payload);
                    read++;
                }
                if (reader.problem() != null && !start.equals(segments.lastKey())) {
                    throw new IllegalStateException("log segment " + file + " has a bad record at byte "
                            + reader.validEnd() + " (" + reader.problem() + ") but it is not the last segment;"
                            + " open the log (start the server) to see what to do");
                }
            }
            start = segments.higherKey(start);
        }
        return read;
    }

    /** A reader of the segment, or null when the file is gone. */
    private static SegmentReader open(Path segment) {
        try {
            return new SegmentReader(segment);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
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
