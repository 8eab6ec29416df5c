package dev.nbo.serving.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One record on disk: a 4-byte big-endian payload length, a 4-byte CRC32C, then the payload. The checksum covers the
 * length as well as the payload, so a run of zero bytes (what some file systems leave after a crash that extended a
 * file) never reads as a valid record.
 */
final class RecordFormat {
    static final int HEADER_BYTES = 8;
    /** Large enough for any event or decision; a larger length read from disk means corruption, not a big record. */
    static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

    private RecordFormat() {
    }

    static int encodedSize(byte[] payload) {
        return HEADER_BYTES + payload.length;
    }

    static void checkPayload(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new IllegalArgumentException("a log record must hold at least one byte; got "
                    + (payload == null ? "null" : "an empty record"));
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a log record holds at most " + MAX_PAYLOAD_BYTES + " bytes; got "
                    + payload.length + ": split it into smaller records");
        }
    }

    static void write(ByteBuffer target, byte[] payload) {
        target.putInt(payload.length);
        target.putInt(checksum(payload.length, payload));
        target.put(payload);
    }

    static int checksum(int length, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(0, length));
        crc.update(payload);
        return (int) crc.getValue();
    }
}
