package dev.nbo.serving.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.models.feature.Window;
import dev.nbo.models.warehouse.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A posted batch of events, parsed and validated: the valid events and a rejection for each invalid one. The first
 * failing check of an event names its rejection: presence and JSON type of each field in the order {@code event_id},
 * {@code customer_id}, {@code time}, {@code type}, {@code product_id}, {@code session_id}, {@code offer_id}, with the
 * time and type checked as they come and the product looked up in the catalog; then the id rule of every id (checked
 * once, by {@link Event}'s constructor). Unknown fields are ignored.
 *
 * @param events     the valid events, in batch order
 * @param rejections the invalid events, in batch order
 */
public record EventBatch(List<Event> events, List<Rejection> rejections) {
    /** The most events one batch may hold. */
    public static final int MAX_EVENTS = 10_000;
    /**
     * How far in the future an event may claim to have happened: the warehouse quarantines events received over 5
     * minutes before they happened ({@code ingested_before_event}), so serving refuses the same ones.
     */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    public EventBatch {
        events = List.copyOf(events);
        rejections = List.copyOf(rejections);
    }

    /**
     * Parses a JSON array of events.
     *
     * @param categoryOf the category of a product id, empty for an unknown product
     * @param receivedAt when the batch arrived, the bound for {@link RejectionCode#FUTURE_TIME}
     * @throws BatchRefusedException if the body is not a JSON array or holds more than {@link #MAX_EVENTS} events
     */
    public static EventBatch parse(byte[] body, Function<String, Optional<String>> categoryOf, Instant receivedAt) {
        List<Event> events = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        long latestMicros = micros(receivedAt.plus(MAX_CLOCK_SKEW));
        try (JsonParser parser = FACTORY.createParser(body)) {
            parser.setCodec(JSON);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new BatchRefusedException(BatchRefusedException.Reason.NOT_AN_ARRAY, "the body must be a JSON"
                        + " array of events, e.g. [{\"event_id\": ...}]; got " + (first == null ? "an empty body"
                        : "a JSON " + first.asString()));
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (index == MAX_EVENTS) {
                    throw new BatchRefusedException(BatchRefusedException.Reason.BATCH_TOO_LARGE, "a batch holds at"
                            + " most " + MAX_EVENTS + " events; this one holds more: split it into smaller batches");
                }
                try {
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        JsonNode node = parser.readValueAsTree();
                        throw new Invalid(RejectionCode.NOT_AN_OBJECT, "an event must be a JSON object; got "
                                + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                    }
                    events.add(read(EventFields.read(parser), categoryOf, latestMicros));
                } catch (Invalid invalid) {
                    rejections.add(new Rejection(index, invalid.code, invalid.getMessage()));
                }
                index++;
            }
            if (parser.nextToken() != null) {
                throw new BatchRefusedException(BatchRefusedException.Reason.MALFORMED_JSON, "the body holds"
                        + " something after the closing ']' of the events array; send one array");
            }
        } catch (JsonProcessingException e) {
            throw new BatchRefusedException(BatchRefusedException.Reason.MALFORMED_JSON, "the body is not valid JSON: "
                    + e.getOriginalMessage() + " at " + e.getLocation().offsetDescription());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventBatch(events, rejections);
    }

    private static Event read(EventFields node, Function<String, Optional<String>> categoryOf, long latestMicros)
            throws Invalid {
        String eventId = text(node, "event_id", true);
        String customerId = text(node, "customer_id", true);
        long timeMicros = time(text(node, "time", true), latestMicros);
        EventType type = type(text(node, "type", true));
        String productId = text(node, "product_id", Event.PRODUCT_EVENTS.contains(type));
        String category = null;
        if (productId != null) {
            category = categoryOf.apply(productId).orElseThrow(() -> new Invalid(RejectionCode.UNKNOWN_PRODUCT,
                    "product_id '" + shown(productId) + "' is not in the product catalog; send events for known"
                            + " products or refresh the catalog"));
        }
        String sessionId = text(node, "session_id", false);
        String offerId = text(node, "offer_id", false);
        String requestId = text(node, "request_id", false);
        Double revenue = revenue(node, type);
        try {
            return new Event(eventId, customerId, timeMicros, type, productId, category, sessionId, offerId,
                    requestId, revenue);
        } catch (IllegalArgumentException badId) {
            // The constructor checks nothing else the checks above have not already passed: only the id rule is left.
            throw new Invalid(RejectionCode.BAD_ID, badId.getMessage());
        }
    }

    private static String text(EventFields event, String field, boolean required) throws Invalid {
        String text = event.text(field);
        if (text != null) {
            return text;
        }
        JsonNode value = event.other(field);
        if (value == null) {
            if (required) {
                // product_id is checked after type, which is then a valid type's text
                throw new Invalid(RejectionCode.MISSING_FIELD, field + " is required" + (field.equals("product_id")
                        ? " for " + event.text("type") + " events" : ""));
            }
            return null;
        }
        throw new Invalid(RejectionCode.WRONG_TYPE, field + " must be a JSON string; got " + value);
    }

    /** The optional {@code revenue} of a purchase: a JSON number, finite, 0 or more; refused on other events. */
    private static Double revenue(EventFields event, EventType type) throws Invalid {
        JsonNode value = event.other("revenue");
        if (value == null) {
            return null;
        }
        if (type != EventType.PURCHASE) {
            throw new Invalid(RejectionCode.WRONG_TYPE, "revenue is only for purchase events; this one is a "
                    + Event.wireName(type) + " event");
        }
        if (!value.isNumber()) {
            throw new Invalid(RejectionCode.WRONG_TYPE, "revenue must be a JSON number; got " + value);
        }
        double amount = value.doubleValue();
        if (!(amount >= 0) || !Double.isFinite(amount)) {
            throw new Invalid(RejectionCode.WRONG_TYPE, "revenue must be 0 or more; got " + value);
        }
        return amount;
    }

    private static long time(String value, long latestMicros) throws Invalid {
        long micros;
        try {
            micros = utcMicros(value);
        } catch (DateTimeException e) {
            throw new Invalid(RejectionCode.BAD_TIME, "time '" + shown(value) + "' is not an ISO-8601 instant; use"
                    + " e.g. 2026-03-01T10:15:30Z or 2026-03-01T10:15:30.123+01:00");
        }
        if (micros > latestMicros) {
            throw new Invalid(RejectionCode.FUTURE_TIME, "time " + value + " is more than " + MAX_CLOCK_SKEW
                    .toMinutes() + " minutes after the time the event was received; check the sender's clock");
        }
        return micros;
    }

    /**
     * The epoch microseconds of an ISO-8601 instant, as {@code micros(Instant.parse(value))}. The common shape,
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, is read digit by digit (the {@code DateTimeFormatter} behind
     * {@code Instant.parse} costs more than the rest of an event's validation); every other text, or a field out of
     * range, goes to {@code Instant.parse}, which decides.
     */
    static long utcMicros(String value) {
        int length = value.length();
        if (length < 20 || length > 30 || value.charAt(length - 1) != 'Z' || value.charAt(4) != '-'
                || value.charAt(7) != '-' || value.charAt(10) != 'T' || value.charAt(13) != ':'
                || value.charAt(16) != ':') {
            return micros(Instant.parse(value));
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (value.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return micros(Instant.parse(value));
            }
            nanos = digits(value, 20, length - 1);
            for (int i = fraction; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return micros(Instant.parse(value));
        }
        long days;
        try {
            days = java.time.LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return micros(Instant.parse(value));
        }
        long seconds = days * 86_400 + hour * 3_600L + minute * 60L + second;
        return seconds * 1_000_000 + nanos / 1_000;
    }

    /** The decimal number in {@code value[from, to)}; -1 when a character is not an ASCII digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static EventType type(String value) throws Invalid {
        return Event.typeOf(value).orElseThrow(() -> new Invalid(RejectionCode.UNKNOWN_TYPE, "type '"
                + shown(value) + "' is not an event type; use one of " + java.util.Arrays.stream(EventType.values())
                .map(EventType::wireName).toList()));
    }

    static long micros(Instant instant) {
        try {
            return dev.nbo.models.feature.Window.micros(instant);
        } catch (ArithmeticException e) {
            throw new DateTimeException("instant " + instant + " is out of the microsecond range", e);
        }
    }

    static Instant instant(long micros) {
        return Window.instant(micros);
    }

    private static String shown(String value) {
        String cut = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** One event's failed check; no stack trace, as it is an expected outcome and batches can hold thousands. */
    private static final class Invalid extends Exception {
        private final RejectionCode code;

        Invalid(RejectionCode code, String detail) {
            super(detail, null, false, false);
            this.code = code;
        }
    }
}
