package dev.nbo.serving.store;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.EntityKey;
import dev.nbo.models.aggregate.StateRow;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.online.CustomerRecord;
import dev.nbo.models.online.OfferRecord;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of store records, shared by every backend so that they hold identical bytes.
 *
 * <p>Binary rather than JSON because state rows hold doubles that JSON cannot carry exactly (infinite min/max of an
 * empty bucket) and a typed {@code lastValue} whose Long/Double distinction JSON loses; a record is also read on every
 * request, and this form decodes without reflection. Layout: a format byte, then for a customer a profile (or none)
 * and the state rows; for an offer its id and state rows. The customer id of customer-keyed rows is not repeated per
 * row: it is the record's. Strings are length-prefixed UTF-8; nullable fields carry a presence byte.
 */
final class RecordCodec {
    static final byte FORMAT = 1;

    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte STRING = 3;
    private static final byte BOOLEAN = 4;

    private static final Entity[] ENTITIES = Entity.values();
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_VIEW = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);

    /**
     * Each thread encodes into one buffer it keeps (the applier writes thousands of records a second; a buffer grown by
     * doubling per record was a quarter of its allocation); one over this size is not kept.
     */
    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private RecordCodec() {
    }

    static byte[] encodeCustomer(String customerId, CustomerRecord record) {
        if (record.profile() != null && !record.profile().customerId().equals(customerId)) {
            throw new IllegalArgumentException("the record of customer " + customerId + " holds the profile of "
                    + record.profile().customerId() + "; store each profile under its own customer id");
        }
        return write(out -> {
            out.writeByte(FORMAT);
            writeProfile(out, record.profile());
            writeState(out, record.state(), customerId, null);
        });
    }

    static CustomerRecord decodeCustomer(String customerId, byte[] bytes) {
        return read(bytes, in -> {
            checkFormat(in);
            CustomerProfile profile = readProfile(in);
            return new CustomerRecord(profile, readState(in, customerId, null));
        });
    }

    static byte[] encodeOffer(OfferRecord record) {
        return write(out -> {
            out.writeByte(FORMAT);
            writeString(out, record.offerId());
            writeState(out, record.state(), null, record.offerId());
        });
    }

    static OfferRecord decodeOffer(byte[] bytes) {
        return read(bytes, in -> {
            checkFormat(in);
            String offerId = readString(in);
            return new OfferRecord(offerId, readState(in, null, offerId));
        });
    }

    private static void writeProfile(Output out, CustomerProfile p) {
        out.writeBoolean(p != null);
        if (p == null) {
            return;
        }
        writeString(out, p.customerId());
        writeNullableLong(out, p.signupMicros());
        writeNullableLong(out, p.birthYear() == null ? null : p.birthYear().longValue());
        writeNullableString(out, p.city());
        writeNullableString(out, p.region());
        writeNullableString(out, p.country());
        writeStrings(out, p.interests());
        out.writeByte(p.marketingConsent() == null ? NULL : p.marketingConsent() ? 2 : 1);
    }

    private static CustomerProfile readProfile(Input in) {
        if (!in.readBoolean()) {
            return null;
        }
        String id = readString(in);
        Long signup = readNullableLong(in);
        Long birthYear = readNullableLong(in);
        String city = readNullableString(in);
        String region = readNullableString(in);
        String country = readNullableString(in);
        List<String> interests = readStrings(in);
        byte consent = in.readByte();
        return new CustomerProfile(id, signup, birthYear == null ? null : birthYear.intValue(), city, region, country,
                interests, consent == NULL ? null : consent == 2);
    }

    private static void writeState(Output out, List<StateRow> rows, String customerId, String offerId)
            {
        out.writeInt(rows.size());
        for (StateRow row : rows) {
            EntityKey key = row.key();
            if (customerId != null && !customerId.equals(key.customerId())
                    || offerId != null && (key.entity() != Entity.OFFER || !offerId.equals(key.offerId()))) {
                throw new IllegalArgumentException("state row " + key + " " + row.feature() + " does not belong to the"
                        + " record of " + (customerId != null ? "customer " + customerId : "offer " + offerId));
            }
            out.writeByte(key.entity().ordinal());
            writeNullableString(out, key.category());
            writeNullableString(out, key.entity() == Entity.OFFER ? null : key.offerId());
            writeString(out, row.feature());
            writeNullableLong(out, row.day() == null ? null : row.day().longValue());
            out.writeLong(row.rows());
            out.writeLong(row.values());
            out.writeDouble(row.sum());
            out.writeDouble(row.min());
            out.writeDouble(row.max());
            writeNullableLong(out, row.maxTime());
            writeNullableLong(out, row.lastTime());
            writeNullableString(out, row.lastKey());
            writeValue(out, row.lastValue(), row.feature());
            writeStrings(out, row.distinct());
        }
    }

    private static List<StateRow> readState(Input in, String customerId, String offerId) {
        int size = in.readInt();
        List<StateRow> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Entity entity = entity(in.readByte());
            String category = readNullableString(in);
            String rowOffer = readNullableString(in);
            EntityKey key = new EntityKey(entity, customerId, category, entity == Entity.OFFER ? offerId : rowOffer);
            String feature = readString(in);
            Long day = readNullableLong(in);
            rows.add(new StateRow(key, feature, day == null ? null : day.intValue(), in.readLong(), in.readLong(),
                    in.readDouble(), in.readDouble(), in.readDouble(), readNullableLong(in), readNullableLong(in),
                    readNullableString(in), readValue(in), readStrings(in)));
        }
        return rows;
    }

    private static Entity entity(byte ordinal) {
        if (ordinal < 0 || ordinal >= ENTITIES.length) {
            throw new IllegalStateException("corrupt record: unknown entity " + ordinal);
        }
        return ENTITIES[ordinal];
    }

    private static void writeValue(Output out, Object value, String feature) {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            out.writeByte(LONG);
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeByte(DOUBLE);
            out.writeDouble(((Number) value).doubleValue());
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            writeString(out, text);
        } else if (value instanceof Boolean bool) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(bool);
        } else {
            throw new IllegalArgumentException("state of " + feature + ": cannot store a last value of type "
                    + value.getClass().getName() + " (" + value + "); only Long, Double, String and Boolean are kept");
        }
    }

    private static Object readValue(Input in) {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case STRING -> readString(in);
            case BOOLEAN -> in.readBoolean();
            default -> throw new IllegalStateException("corrupt record: unknown value tag " + tag);
        };
    }

    private static void writeStrings(Output out, List<String> values) {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static List<String> readStrings(Input in) {
        int size = in.readInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readString(in));
        }
        return values;
    }

    private static void writeNullableLong(Output out, Long value) {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readNullableLong(Input in) {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static void writeNullableString(Output out, String value) {
        out.writeBoolean(value != null);
        if (value != null) {
            writeString(out, value);
        }
    }

    private static String readNullableString(Input in) {
        return in.readBoolean() ? readString(in) : null;
    }

    /** Length-prefixed UTF-8: DataOutput.writeUTF caps strings at 64 KB, too little for a long distinct value. */
    private static void writeString(Output out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(Input in) {
        return in.readString(in.readInt());
    }

    private static void checkFormat(Input in) {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalStateException("store record in format " + format + "; this release reads format "
                    + FORMAT + ". Reload the store from the online snapshot");
        }
    }

    private interface Writer {
        void write(Output out);
    }

    private interface Reader<T> {
        T read(Input in);
    }

    private static byte[] write(Writer writer) {
        Output out = OUTPUT.get();
        out.size = 0;
        writer.write(out);
        byte[] bytes = out.toByteArray();
        if (out.bytes.length > MAX_KEPT_BUFFER) {
            OUTPUT.remove(); // a rare huge record does not pin its buffer to the thread
        }
        return bytes;
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try {
            return reader.read(new Input(bytes));
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IllegalStateException("corrupt store record (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    /**
     * Big-endian writes into a growing array, the byte layout of {@code DataOutputStream} without its stream
     * machinery: encoding runs for every customer an event batch touches.
     */
    private static final class Output {
        private byte[] bytes = new byte[512];
        private int size;

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void writeByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeInt(int value) {
            ensure(4);
            INT.set(bytes, size, value);
            size += 4;
        }

        void writeLong(long value) {
            ensure(8);
            LONG_VIEW.set(bytes, size, value);
            size += 8;
        }

        void writeDouble(double value) {
            writeLong(Double.doubleToLongBits(value));
        }

        void write(byte[] value) {
            ensure(value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /**
     * Reads what {@link Output} wrote. Strings repeat across rows (feature names, categories, offer ids): each record
     * decode keeps the ones it met, so equal bytes give one String instead of one per row.
     */
    private static final class Input {
        private final byte[] bytes;
        private int position;
        private final Map<Key, String> strings = new HashMap<>();

        Input(byte[] bytes) {
            this.bytes = bytes;
        }

        byte readByte() {
            if (position >= bytes.length) {
                throw new IndexOutOfBoundsException("end of record at byte " + position);
            }
            return bytes[position++];
        }

        boolean readBoolean() {
            return readByte() != 0;
        }

        int readInt() {
            check(4);
            int value = (int) INT.get(bytes, position);
            position += 4;
            return value;
        }

        long readLong() {
            check(8);
            long value = (long) LONG_VIEW.get(bytes, position);
            position += 8;
            return value;
        }

        double readDouble() {
            return Double.longBitsToDouble(readLong());
        }

        String readString(int length) {
            check(length);
            Key key = new Key(bytes, position, length);
            String value = strings.get(key);
            if (value == null) {
                value = new String(bytes, position, length, StandardCharsets.UTF_8);
                strings.put(key, value);
            }
            position += length;
            return value;
        }

        private void check(int length) {
            if (length < 0 || position + length > bytes.length) {
                throw new IndexOutOfBoundsException("a field of " + length + " bytes at byte " + position
                        + " passes the end of the record");
            }
        }
    }

    /** A slice of the record's bytes, compared by content: the key of the string cache of one decode. */
    private record Key(byte[] bytes, int from, int length) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Arrays.equals(bytes, from, from + length, k.bytes, k.from,
                    k.from + k.length);
        }

        @Override
        public int hashCode() {
            int hash = length;
            for (int i = from; i < from + length; i++) {
                hash = 31 * hash + bytes[i];
            }
            return hash;
        }
    }
}
