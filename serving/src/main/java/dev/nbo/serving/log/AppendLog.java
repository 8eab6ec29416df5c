package dev.nbo.serving.log;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An append-only sequence of byte records, numbered from 0 in append order (the record's <em>sequence</em>); the
 * oldest may be deleted by retention ({@link #deleteBefore}), and the rest keep their sequences.
 * Implementations are safe for concurrent appenders.
 */
public interface AppendLog extends AutoCloseable {
    /** A record read back, with its sequence. */
    @FunctionalInterface
    interface RecordConsumer {
        void accept(long sequence, byte[] payload);
    }

    /**
     * Appends {@code records} contiguously and returns once they are durable (forced to disk).
     *
     * @return the sequence of the first record of {@code records}
     * @throws IllegalArgumentException if a record is empty or too large
     * @throws java.io.UncheckedIOException if the records could not be made durable (the log refuses further appends)
     */
    long append(List<byte[]> records);

    /** The sequence the next record will get: the number of durable records appended, deleted ones included. */
    long size();

    /** Reads every durable record with a sequence {@code >= fromSequence}, in order. */
    void replay(long fromSequence, RecordConsumer consumer);

    /**
     * The sequence of the first record of each part of the log that can be read on its own (a segment file), oldest
     * first. Lets a reader that needs only recent records skip whole parts.
     */
    List<Long> segmentStarts();

    /** Reads the durable record {@code sequence}, if there is one, without reading the rest of the log. */
    Optional<byte[]> read(long sequence);

    /** Reads every durable record from the start, in order. */
    default void replay(Consumer<byte[]> consumer) {
        replay(0, (sequence, payload) -> consumer.accept(payload));
    }

    /**
     * Replaces every record by {@code rewrite(record)} in place, keeping sequences (one record in, one record out);
     * the way personal data leaves an append-only log (GDPR erasure). Appends wait while it runs.
     */
    void rewrite(UnaryOperator<byte[]> rewrite);

    /**
     * Deletes the oldest parts of the log (whole segments) that hold only records before {@code sequence}, the way a
     * log keeps to its retention; the part being written is never deleted. Sequences do not change: afterwards the
     * log starts at a later sequence, and replays read from there. Appends wait while it runs.
     *
     * @return the number of records deleted
     */
    long deleteBefore(long sequence);

    @Override
    void close();
}
