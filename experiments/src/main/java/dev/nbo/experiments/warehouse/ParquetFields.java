package dev.nbo.experiments.warehouse;

import dev.nbo.models.feature.Window;
import java.time.Instant;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one field of a record into Parquet's {@link RecordConsumer} (an absent optional value is a field left out)
 * and reads it back from a {@link Group} by name (null when absent).
 */
final class ParquetFields {
    private ParquetFields() {
    }

    static void string(RecordConsumer out, String name, int index, String value) {
        if (value != null) {
            out.startField(name, index);
            out.addBinary(Binary.fromString(value));
            out.endField(name, index);
        }
    }

    static void int64(RecordConsumer out, String name, int index, long value) {
        out.startField(name, index);
        out.addLong(value);
        out.endField(name, index);
    }

    static void int32(RecordConsumer out, String name, int index, Integer value) {
        if (value != null) {
            out.startField(name, index);
            out.addInteger(value);
            out.endField(name, index);
        }
    }

    static void float64(RecordConsumer out, String name, int index, Double value) {
        if (value != null) {
            out.startField(name, index);
            out.addDouble(value);
            out.endField(name, index);
        }
    }

    static void bool(RecordConsumer out, String name, int index, boolean value) {
        out.startField(name, index);
        out.addBoolean(value);
        out.endField(name, index);
    }

    static void timestamp(RecordConsumer out, String name, int index, Instant value) {
        if (value != null) {
            int64(out, name, index, micros(value));
        }
    }

    static long micros(Instant time) {
        return Window.micros(time);
    }

    static Instant instant(long micros) {
        return Window.instant(micros);
    }

    static boolean has(Group group, String name) {
        return group.getType().containsField(name) && group.getFieldRepetitionCount(name) > 0;
    }

    static String string(Group group, String name) {
        return has(group, name) ? group.getString(name, 0) : null;
    }

    static String requiredString(Group group, String name) {
        String value = string(group, name);
        if (value == null) {
            throw new IllegalStateException("a row has no " + name + ": " + group);
        }
        return value;
    }

    static Double float64(Group group, String name) {
        return has(group, name) ? group.getDouble(name, 0) : null;
    }

    static Integer int32(Group group, String name) {
        return has(group, name) ? group.getInteger(name, 0) : null;
    }

    static Instant timestamp(Group group, String name) {
        return has(group, name) ? instant(group.getLong(name, 0)) : null;
    }

    static boolean bool(Group group, String name) {
        return has(group, name) && group.getBoolean(name, 0);
    }
}
