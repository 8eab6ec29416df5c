package dev.nbo.serving.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An {@link AppendLog} in segment files {@code segment-<first sequence, 20 digits>.log} under one folder.
 *
 * <p>Group commit: one writer thread owns the files. Appenders queue their records and wait; the writer takes
 * everything queued, writes it and runs one {@link FileChannel#force} for all of it, so concurrent appenders share
 * one fsync instead of paying one each.
 *
 * <p>Recovery on open: a torn or corrupt record in the last segment is what a crash during a write leaves, and no
 * append of it was acknowledged, so the segment is truncated there. The same in an older segment cannot come from a
 * crash (a segment is forced before the next one starts), so the log refuses to open rather than drop acknowledged
 * records silently.
 */
public final class FileAppendLog implements AppendLog {
    /** The default segment size limit: big enough for few files, small enough to rewrite one quickly. */
    public static final long DEFAULT_SEGMENT_BYTES = 128L * 1024 * 1024;
    private static final String REWRITE_SUFFIX = ".rewrite";
    private static final Pattern SEGMENT_NAME = Pattern.compile("segment-(\\d{20})\\.log");
    private static final System.Logger LOG = System.getLogger(FileAppendLog.class.getName());

    private final Path folder;
    private final long segmentBytes;
    /** First sequence of each segment → its file; read by replays, changed only by the writer thread. */
    private final NavigableMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final BlockingQueue<Operation> queue = new LinkedBlockingQueue<>();
    /** Appenders hold it shared to check {@link #closed} and queue; close holds it exclusively. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private final Thread writer;
    private boolean closed;
    private volatile long durableSize;
    private volatile IOException failure;
    private volatile long commits;

    // Owned by the writer thread after the constructor.
    private FileChannel active;
    private long activeBytes;
    private long nextSequence;

    private FileAppendLog(Path folder, long segmentBytes) throws IOException {
        this.folder = folder;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(folder);
        recover();
        this.writer = new Thread(this::writeLoop, "append-log-writer-" + folder.getFileName());
        writer.setDaemon(true);
        writer.start();
    }

    /** Opens (creating if needed) the log in {@code folder}, with the default segment size limit. */
    public static FileAppendLog open(Path folder) {
        return open(folder, DEFAULT_SEGMENT_BYTES);
    }

    /**
     * Opens (creating if needed) the log in {@code folder}; a segment is closed and a new one started when an append
     * would take it past {@code segmentBytes} (one append never spans two segments, so a segment can exceed it by
     * one append).
     *
     * @throws IllegalStateException if a segment other than the last holds a bad record, or a segment is missing
     */
    public static FileAppendLog open(Path folder, long segmentBytes) {
        if (segmentBytes < 1024) {
            throw new IllegalArgumentException("segment size limit must be at least 1024 bytes; got " + segmentBytes);
        }
        try {
            return new FileAppendLog(folder, segmentBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the append log in " + folder, e);
        }
    }

    /** The segment files, oldest first. */
    public List<Path> segmentFiles() {
        return List.copyOf(segments.values());
    }

    @Override
    public long append(List<byte[]> records) {
        records.forEach(RecordFormat::checkPayload);
        if (records.isEmpty()) {
            return durableSize;
        }
        Append append = new Append(List.copyOf(records), new CompletableFuture<>());
        submit(append);
        return await(append.done());
    }

    /** How many group commits (one write and one force each) have run since open; for metrics and tests. */
    public long commits() {
        return commits;
    }

    /** Operations waiting for the writer thread. */
    int queued() {
        return queue.size();
    }

    @Override
    public long size() {
        return durableSize;
    }

    @Override
    public List<Long> segmentStarts() {
        return List.copyOf(segments.keySet());
    }

    /** Reads one record: only its segment, up to it. */
    @Override
    public Optional<byte[]> read(long sequence) {
        byte[][] found = new byte[1][];
        replay(sequence, sequence + 1, (s, payload) -> found[0] = payload);
        return Optional.ofNullable(found[0]);
    }

    @Override
    public void replay(long fromSequence, RecordConsumer consumer) {
        replay(fromSequence, Long.MAX_VALUE, consumer);
    }

    private void replay(long fromSequence, long toSequence, RecordConsumer consumer) {
        long end = Math.min(durableSize, toSequence);
        Map.Entry<Long, Path> start = segments.floorEntry(fromSequence);
        Map<Long, Path> from = start == null ? segments : segments.tailMap(start.getKey(), true);
        for (Map.Entry<Long, Path> segment : from.entrySet()) {
            long sequence = segment.getKey();
            if (sequence >= end) {
                return;
            }
            SegmentReader opened = open(segment);
            if (opened == null) {
                continue;
            }
            try (SegmentReader reader = opened) {
                for (byte[] payload = reader.next(); payload != null && sequence < end; payload = reader.next()) {
                    if (sequence >= fromSequence) {
                        consumer.accept(sequence, payload);
                    }
                    sequence++;
                }
                if (sequence < end && reader.problem() != null) {
                    throw new IllegalStateException("log segment " + segment.getValue() + " has a bad record at byte "
                            + reader.validEnd() + " (" + reader.problem() + ") among acknowledged records");
                }
            }
        }
    }

    /** A reader of the segment, or null when retention deleted it after the replay listed it. */
    private SegmentReader open(Map.Entry<Long, Path> segment) {
        try {
            return new SegmentReader(segment.getValue());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException && !segments.containsKey(segment.getKey())) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void rewrite(UnaryOperator<byte[]> rewrite) {
        Rewrite operation = new Rewrite(rewrite, new CompletableFuture<>());
        submit(operation);
        await(operation.done());
    }

    @Override
    public long deleteBefore(long sequence) {
        Delete operation = new Delete(sequence, new CompletableFuture<>());
        submit(operation);
        return await(operation.done());
    }

    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(new Stop());
        } finally {
            closing.writeLock().unlock();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Operation operation) {
        IOException failed = failure;
        if (failed != null) {
            throw new UncheckedIOException("the append log in " + folder + " failed earlier and refuses appends;"
                    + " reopen it to recover", failed);
        }
        closing.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the append log in " + folder + " is closed");
            }
            queue.add(operation);
        } finally {
            closing.readLock().unlock();
        }
    }

    private static <T> T await(CompletableFuture<T> done) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    // The records may already be on their way to disk; waiting is the only honest answer.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("append cancelled", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- recovery (constructor thread) ----

    private void recover() throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> {
                String fileName = file.getFileName().toString();
                Matcher name = SEGMENT_NAME.matcher(fileName);
                if (name.matches()) {
                    segments.put(Long.parseLong(name.group(1)), file);
                } else if (fileName.endsWith(REWRITE_SUFFIX)) {
                    leftovers.add(file);
                }
            });
        }
        for (Path leftover : leftovers) {
            // A rewrite cut short by a crash: its segment was not replaced, so the caller must run it again.
            LOG.log(System.Logger.Level.WARNING, "deleting {0}, left by a rewrite that did not finish; run the"
                    + " rewrite (e.g. the erasure) again", leftover);
            Files.delete(leftover);
        }
        if (segments.isEmpty()) {
            startSegment(0);
            return;
        }
        long expected = segments.firstKey();
        for (Map.Entry<Long, Path> segment : segments.entrySet()) {
            if (segment.getKey() != expected) {
                throw new IllegalStateException("log segment " + segment.getValue() + " starts at record "
                        + segment.getKey() + " but the segments before it end at record " + expected
                        + ": a segment is missing; restore it from a backup");
            }
            expected += scan(segment.getValue(), segment.getKey().equals(segments.lastKey()));
        }
        nextSequence = expected;
        durableSize = expected;
        Path last = segments.lastEntry().getValue();
        active = FileChannel.open(last, StandardOpenOption.WRITE);
        activeBytes = active.size();
        active.position(activeBytes);
    }

    /** Counts the valid records of a segment; truncates the last one at a bad record, refuses any other. */
    private long scan(Path file, boolean last) throws IOException {
        long count = 0;
        long validEnd;
        String problem;
        try (SegmentReader reader = new SegmentReader(file)) {
            while (reader.next() != null) {
                count++;
            }
            validEnd = reader.validEnd();
            problem = reader.problem();
        }
        if (problem == null) {
            return count;
        }
        if (!last) {
            throw new IllegalStateException("log segment " + file + " is corrupt at byte " + validEnd + " (" + problem
                    + ") but it is not the last segment, so this is not a torn write from a crash and acknowledged"
                    + " records after it would be lost; restore the segment from a backup, or move it and every later"
                    + " segment out of " + folder + " to accept losing their records");
        }
        LOG.log(System.Logger.Level.WARNING, "truncating log segment {0} at byte {1} after {2} records: {3}"
                + " (a write cut short by a crash; it was never acknowledged)", file, validEnd, count, problem);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(validEnd);
            channel.force(true);
        }
        return count;
    }

    // ---- writer thread ----

    private void writeLoop() {
        List<Operation> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, so that no queued append is left waiting forever
            }
            queue.drainTo(batch);
            List<Append> pending = new ArrayList<>();
            for (Operation operation : batch) {
                if (operation instanceof Append append) {
                    if (activeBytes > 0 && activeBytes + bytes(pending) + bytes(append) > segmentBytes) {
                        commit(pending);
                        roll();
                    }
                    pending.add(append);
                } else {
                    commit(pending);
                    if (operation instanceof Rewrite rewrite) {
                        runRewrite(rewrite);
                    } else if (operation instanceof Delete delete) {
                        runDelete(delete);
                    } else {
                        shutDown();
                        return;
                    }
                }
            }
            commit(pending);
        }
    }

    private static long bytes(List<Append> appends) {
        long total = 0;
        for (Append append : appends) {
            total += bytes(append);
        }
        return total;
    }

    private static long bytes(Append append) {
        long total = 0;
        for (byte[] record : append.records()) {
            total += RecordFormat.encodedSize(record);
        }
        return total;
    }

    /** Writes every pending append, forces once, then acknowledges them all. */
    private void commit(List<Append> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            if (failure != null) {
                throw failure;
            }
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytes(pending)));
            for (Append append : pending) {
                append.records().forEach(record -> RecordFormat.write(buffer, record));
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                activeBytes += active.write(buffer);
            }
            active.force(false);
            commits++;
            for (Append append : pending) {
                long first = nextSequence;
                nextSequence += append.records().size();
                durableSize = nextSequence;
                append.done().complete(first);
            }
        } catch (IOException e) {
            fail(e, pending);
        } catch (RuntimeException | Error e) {
            fail(new IOException("unexpected failure while writing the log in " + folder, e), pending);
        }
        pending.clear();
    }

    private void fail(IOException e, List<Append> pending) {
        // After a failed write or force the file's content is unknown: refuse every later append until a reopen
        // runs recovery, instead of acknowledging records behind a hole.
        failure = e;
        for (Append append : pending) {
            append.done().completeExceptionally(new UncheckedIOException("the records could not be made durable in "
                    + folder + "; reopen the log to recover", e));
        }
    }

    private void roll() {
        if (failure != null) {
            return;
        }
        try {
            active.force(true);
            active.close();
            startSegment(nextSequence);
        } catch (IOException e) {
            failure = e;
        }
    }

    private void startSegment(long firstSequence) throws IOException {
        Path file = folder.resolve(String.format("segment-%020d.log", firstSequence));
        active = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        activeBytes = 0;
        forceFolder();
        segments.put(firstSequence, file);
    }

    private void forceFolder() throws IOException {
        // Makes the new or renamed file name itself durable, not only its content.
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private void runRewrite(Rewrite rewrite) {
        try {
            if (failure != null) {
                throw failure;
            }
            active.force(true);
            active.close();
            for (Path file : segments.values()) {
                rewriteSegment(file, rewrite.rewrite());
            }
            forceFolder();
            active = FileChannel.open(segments.lastEntry().getValue(), StandardOpenOption.WRITE);
            activeBytes = active.size();
            active.position(activeBytes);
            rewrite.done().complete(null);
        } catch (IOException e) {
            failure = e;
            rewrite.done().completeExceptionally(new UncheckedIOException("rewriting the log in " + folder + " failed;"
                    + " reopen it to recover", e));
        } catch (RuntimeException e) {
            failure = new IOException(e);
            rewrite.done().completeExceptionally(e);
        }
    }

    /**
     * Deletes the oldest segments whose records all come before the operation's sequence (a segment's records end
     * where the next segment starts), never the active one. Oldest first, the folder forced after each, so that a
     * crash halfway leaves a log that still starts at a segment boundary, with no gap. A failure stops the deletion
     * where it is and keeps the segment it failed on: nothing after it is lost, and appends go on.
     */
    private void runDelete(Delete delete) {
        long deleted = 0;
        Map.Entry<Long, Path> oldest = null;
        try {
            while (segments.size() > 1) {
                oldest = segments.firstEntry();
                long next = segments.higherKey(oldest.getKey());
                if (next > delete.before()) {
                    break;
                }
                segments.remove(oldest.getKey()); // replays stop listing it before the file goes
                Files.deleteIfExists(oldest.getValue());
                forceFolder();
                deleted += next - oldest.getKey();
                oldest = null;
            }
            delete.done().complete(deleted);
        } catch (IOException | RuntimeException e) {
            if (oldest != null && Files.exists(oldest.getValue())) {
                segments.put(oldest.getKey(), oldest.getValue()); // still there: the log still starts with it
            }
            delete.done().completeExceptionally(new UncheckedIOException("deleting old segments of the log in "
                    + folder + " failed after " + deleted + " records: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e)));
        }
    }

    /** Writes the rewritten records to a temporary file, forces it, then renames it over the segment atomically. */
    private static void rewriteSegment(Path file, UnaryOperator<byte[]> rewrite) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + REWRITE_SUFFIX);
        try (SegmentReader reader = new SegmentReader(file);
             FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            for (byte[] payload = reader.next(); payload != null; payload = reader.next()) {
                byte[] replaced = rewrite.apply(payload);
                RecordFormat.checkPayload(replaced);
                ByteBuffer buffer = ByteBuffer.allocate(RecordFormat.encodedSize(replaced));
                RecordFormat.write(buffer, replaced);
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            if (reader.problem() != null) {
                throw new IOException("log segment " + file + " has a bad record at byte " + reader.validEnd() + " ("
                        + reader.problem() + "); not rewriting it");
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void shutDown() {
        try {
            active.force(true);
            active.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the log in " + folder + " failed", e);
        }
        List<Operation> left = new ArrayList<>();
        queue.drainTo(left);
        for (Operation operation : left) {
            IllegalStateException closedError = new IllegalStateException("the append log in " + folder + " is closed");
            if (operation instanceof Append append) {
                append.done().completeExceptionally(closedError);
            } else if (operation instanceof Rewrite rewrite) {
                rewrite.done().completeExceptionally(closedError);
            }
        }
    }

    private sealed interface Operation permits Append, Rewrite, Delete, Stop {
    }

    private record Append(List<byte[]> records, CompletableFuture<Long> done) implements Operation {
    }

    private record Rewrite(UnaryOperator<byte[]> rewrite, CompletableFuture<Void> done) implements Operation {
    }

    private record Delete(long before, CompletableFuture<Long> done) implements Operation {
    }

    private record Stop() implements Operation {
    }
}
