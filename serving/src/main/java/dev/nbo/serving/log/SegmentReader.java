package dev.nbo.serving.log;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the records of one segment file in order, checking each one, and stops at the end of the file or at the
 * first record that is torn (cut short by a crash) or corrupt (bad length or checksum).
 */
final class SegmentReader implements AutoCloseable {
    private final Path file;
    private final DataInputStream in;
    private long offset;
    private String problem;

    SegmentReader(Path file) {
        this.file = file;
        try {
            InputStream raw = Files.newInputStream(file);
            this.in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read log segment " + file, e);
        }
    }

    /** The next valid record, or null at the end of the file or at a bad record (then {@link #problem()} says why). */
    byte[] next() {
        if (problem != null) {
            return null;
        }
        try {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            int length;
            int checksum;
            try {
                length = (first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8)
                        | in.readUnsignedByte();
                checksum = in.readInt();
            } catch (EOFException e) {
                return stop("torn record header");
            }
            if (length <= 0 || length > RecordFormat.MAX_PAYLOAD_BYTES) {
                return stop("impossible record length " + length);
            }
            byte[] payload = new byte[length];
            try {
                in.readFully(payload);
            } catch (EOFException e) {
                return stop("torn record: " + length + " payload bytes announced, fewer on disk");
            }
            if (RecordFormat.checksum(length, payload) != checksum) {
                return stop("checksum mismatch");
            }
            offset += RecordFormat.HEADER_BYTES + length;
            return payload;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read log segment " + file + " at byte " + offset, e);
        }
    }

    private byte[] stop(String why) {
        problem = why;
        return null;
    }

    /** The byte offset just after the last valid record read. */
    long validEnd() {
        return offset;
    }

    /** Why reading stopped before the end of the file, or null if it reached the end cleanly (or has not yet). */
    String problem() {
        return problem;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close log segment " + file, e);
        }
    }
}
