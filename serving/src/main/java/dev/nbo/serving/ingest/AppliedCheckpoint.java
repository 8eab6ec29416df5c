package dev.nbo.serving.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * How many records of the event log the sink has applied, durable. Two 16-byte slots (count + CRC32C) are written
 * in turn and forced: a crash while writing one leaves the other intact, and reading takes the highest valid slot.
 */
final class AppliedCheckpoint implements AutoCloseable {
    private static final int SLOT_BYTES = 16;
    private final Path file;
    private final FileChannel channel;
    private long applied;
    private int nextSlot;

    private AppliedCheckpoint(Path file, FileChannel channel, long applied, int nextSlot) {
        this.file = file;
        this.channel = channel;
        this.applied = applied;
        this.nextSlot = nextSlot;
    }

    static AppliedCheckpoint open(Path file) {
        try {
            boolean created = !Files.exists(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (created) {
                // Forces the new name, so a checkpoint written later cannot vanish with its directory entry.
                channel.force(true);
                try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                    folder.force(true);
                }
            }
            long[] slots = {read(channel, 0), read(channel, 1)};
            int newest = slots[1] > slots[0] ? 1 : 0;
            if (slots[newest] < 0) {
                return new AppliedCheckpoint(file, channel, 0, 0);
            }
            return new AppliedCheckpoint(file, channel, slots[newest], 1 - newest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the applied-events checkpoint " + file, e);
        }
    }

    /** The number of log records applied to the sink: replay starts at this sequence. */
    long applied() {
        return applied;
    }

    void save(long appliedRecords) {
        ByteBuffer slot = ByteBuffer.allocate(SLOT_BYTES);
        slot.putLong(0, appliedRecords).putInt(8, checksum(appliedRecords));
        try {
            channel.write(slot, (long) nextSlot * SLOT_BYTES);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the applied-events checkpoint " + file, e);
        }
        applied = appliedRecords;
        nextSlot = 1 - nextSlot;
    }

    private static long read(FileChannel channel, int slot) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(SLOT_BYTES);
        int read = channel.read(bytes, (long) slot * SLOT_BYTES);
        if (read < SLOT_BYTES) {
            return -1;
        }
        long value = bytes.getLong(0);
        return bytes.getInt(8) == checksum(value) ? value : -1;
    }

    private static int checksum(long value) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, value));
        return (int) crc.getValue() ^ 0x5EED; // so that a zeroed slot never reads as a valid count of 0
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the applied-events checkpoint " + file, e);
        }
    }
}
