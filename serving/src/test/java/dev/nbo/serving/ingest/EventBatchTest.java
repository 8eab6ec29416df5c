package dev.nbo.serving.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.feature.Source;
import dev.nbo.models.warehouse.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventBatchTest {
    static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");
    static final Function<String, Optional<String>> CATALOG =
            id -> Optional.ofNullable(Map.of("P1", "shoes", "P2", "bags").get(id));

    @Test
    void timesReadDigitByDigitEqualInstantParseAndBadOnesFailAsItDoes() {
        String[] texts = {"2026-03-01T10:15:30Z", "2026-03-01T10:15:30.1Z", "2026-03-01T10:15:30.123456Z",
                "2026-03-01T10:15:30.123456789Z", "2024-02-29T23:59:59.999999999Z", "1969-12-31T23:59:59.5Z",
                "0001-01-01T00:00:00Z", "2026-03-01t10:15:30z", "2026-03-01T11:15:30.123+01:00",
                "2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:60:00Z",
                "2026-03-01T10:15:60Z", "2026-03-01T10:15:30.Z", "2026-03-01T10:15:30.1234567890Z",
                "2026-03-01T10:15:3aZ", "+2026-03-01T10:15:30Z", "2026-03-01 10:15:30Z", "2026-03-01T10:15:30"};
        for (String text : texts) {
            Long expected;
            try {
                expected = EventBatch.micros(Instant.parse(text));
            } catch (java.time.DateTimeException e) {
                expected = null;
            }
            if (expected == null) {
                assertThatThrownBy(() -> EventBatch.utcMicros(text)).as(text)
                        .isInstanceOf(java.time.DateTimeException.class);
            } else {
                assertThat(EventBatch.utcMicros(text)).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void aValidEventBecomesTheRowTheAggregatorReads() {
        EventBatch batch = parse("""
                [{"event_id": "e1", "customer_id": "C1", "time": "2026-03-01T10:15:30.123456Z",
                  "type": "add_to_cart", "product_id": "P1", "session_id": "s-9", "extra": 1}]""");

        assertThat(batch.rejections()).isEmpty();
        SourceRow row = batch.events().get(0).toSourceRow();
        assertThat(row.source()).isEqualTo(Source.EVENTS);
        assertThat(row.rowKey()).isEqualTo("e1");
        assertThat(row.customerId()).isEqualTo("C1");
        assertThat(row.timeMicros()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z").getEpochSecond() * 1_000_000
                + 123_456);
        assertThat(row.text("event_type")).isEqualTo("add_to_cart");
        assertThat(row.text("product_id")).isEqualTo("P1");
        assertThat(row.text("category")).isEqualTo("shoes");
        assertThat(row.text("session_id")).isEqualTo("s-9");
        assertThat(row.get("offer_id")).isNull();
    }

    @Test
    void anEmailEventNeedsNoProductAndKeepsItsOffer() {
        EventBatch batch = parse("""
                [{"event_id": "e2", "customer_id": "C1", "time": "2026-03-01T11:00:00+01:00", "type": "email_click",
                  "offer_id": "OFF-3", "product_id": null}]""");

        Event event = batch.events().get(0);
        assertThat(event.type()).isEqualTo(EventType.EMAIL_CLICK);
        assertThat(event.offerId()).isEqualTo("OFF-3");
        assertThat(event.productId()).isNull();
        assertThat(event.category()).isNull();
        assertThat(event.timeMicros()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z").getEpochSecond() * 1_000_000);
    }

    @Test
    void aPurchaseOutcomeKeepsItsRequestOfferAndRevenue() {
        EventBatch batch = parse("""
                [{"event_id": "e3", "customer_id": "C1", "time": "2026-03-01T10:00:00Z", "type": "purchase",
                  "request_id": "req-42", "offer_id": "OFF-3", "revenue": 54.2}]""");

        Event event = batch.events().get(0);
        assertThat(event.type()).isEqualTo(EventType.PURCHASE);
        assertThat(event.requestId()).isEqualTo("req-42");
        assertThat(event.offerId()).isEqualTo("OFF-3");
        assertThat(event.revenue()).isEqualTo(54.2);
        assertThat(EventLogCodec.decode(EventLogCodec.encode(event, 7L))).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no event id          | {"customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"email_open"}                       | missing_field
            null customer        | {"event_id":"e","customer_id":null,"time":"2026-03-01T10:00:00Z","type":"email_open"}       | missing_field
            no time              | {"event_id":"e","customer_id":"C1","type":"email_open"}                                      | missing_field
            no type              | {"event_id":"e","customer_id":"C1","time":"2026-03-01T10:00:00Z"}                            | missing_field
            view without product | {"event_id":"e","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"page_view"}         | missing_field
            numeric event id     | {"event_id":7,"customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"email_open"}          | wrong_type
            bad event id         | {"event_id":"a b","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"email_open"}      | bad_id
            bad offer id         | {"event_id":"e","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"email_open","offer_id":"-x"} | bad_id
            date only            | {"event_id":"e","customer_id":"C1","time":"2026-03-01","type":"email_open"}                  | bad_time
            epoch number as text | {"event_id":"e","customer_id":"C1","time":"1772359200","type":"email_open"}                  | bad_time
            too far ahead        | {"event_id":"e","customer_id":"C1","time":"2026-03-01T12:05:01Z","type":"email_open"}        | future_time
            unknown type         | {"event_id":"e","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"bought"}            | unknown_type
            revenue on an open   | {"event_id":"e","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"email_open","revenue":3} | wrong_type
            revenue as text      | {"event_id":"e","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"purchase","revenue":"3"} | wrong_type
            negative revenue     | {"event_id":"e","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"purchase","revenue":-1} | wrong_type
            bad request id       | {"event_id":"e","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"email_open","request_id":"a b"} | bad_id
            unknown product      | {"event_id":"e","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"page_view","product_id":"P9"} | unknown_product
            not an object        | "e1"                                                                                         | not_an_object
            """)
    void anInvalidEventIsRejectedWithItsCode(String name, String event, String code) {
        EventBatch batch = parse("[" + valid("ok-1") + "," + event + "," + valid("ok-2") + "]");

        assertThat(batch.events()).extracting(Event::eventId).containsExactly("ok-1", "ok-2");
        assertThat(batch.rejections()).hasSize(1);
        Rejection rejection = batch.rejections().get(0);
        assertThat(rejection.index()).isEqualTo(1);
        assertThat(rejection.code().wireName()).isEqualTo(code);
        assertThat(rejection.detail()).isNotBlank();
    }

    @Test
    void unknownFieldsOfAnyShapeAreSkippedAndAFieldGivenTwiceKeepsItsLastValueAsInATree() {
        EventBatch batch = parse("""
                [{"extra":{"event_id":"nested","a":[1,{"b":null}]},"event_id":7,"customer_id":"C1","event_id":"e1",
                  "time":"2026-03-01T10:00:00Z","type":"email_open","tags":["x","y"],"offer_id":"OFF-1",
                  "offer_id":null},
                 {"event_id":"e2","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"email_open",
                  "session_id":"s1","session_id":{"id":"s1"}},
                 {"event_id":"e3","customer_id":"C1","time":"2026-03-01T10:00:00Z","type":"purchase","revenue":"3"},
                 null]""");

        assertThat(batch.events()).extracting(Event::eventId, Event::offerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("e1", null));
        assertThat(batch.rejections()).extracting(Rejection::index, r -> r.code().wireName(), Rejection::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "wrong_type",
                                "session_id must be a JSON string; got {\"id\":\"s1\"}"),
                        org.assertj.core.groups.Tuple.tuple(2, "wrong_type", "revenue must be a JSON number; got \"3\""),
                        org.assertj.core.groups.Tuple.tuple(3, "not_an_object", "an event must be a JSON object; got null"));
    }

    @Test
    void anEventWithinTheClockSkewIsAccepted() {
        EventBatch batch = parse("""
                [{"event_id":"e","customer_id":"C1","time":"2026-03-01T12:05:00Z","type":"email_open"}]""");
        assertThat(batch.events()).hasSize(1);
    }

    @Test
    void theRejectionDetailNamesTheBadValue() {
        EventBatch batch = parse("""
                [{"event_id":"e","customer_id":"C1","time":"yesterday","type":"email_open"}]""");
        assertThat(batch.rejections().get(0).detail()).contains("'yesterday'").contains("ISO-8601");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an object        | {"event_id":"e"}          | not_an_array
            a string         | "events"                  | not_an_array
            an empty body    | ''                        | not_an_array
            broken json      | [{"event_id":"e"         | malformed_json
            two arrays       | [] []                     | malformed_json
            """)
    void aBodyThatIsNotOneArrayIsRefusedWhole(String name, String body, String code) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOfSatisfying(BatchRefusedException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aBatchOfMoreThanTenThousandEventsIsRefusedWhole() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i <= EventBatch.MAX_EVENTS; i++) {
            body.append(i == 0 ? "" : ",").append(valid("e" + i));
        }
        assertThatThrownBy(() -> parse(body.append("]").toString()))
                .isInstanceOfSatisfying(BatchRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("batch_too_large"));
    }

    @Test
    void aBatchOfExactlyTenThousandEventsIsAccepted() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < EventBatch.MAX_EVENTS; i++) {
            body.append(i == 0 ? "" : ",").append(valid("e" + i));
        }
        assertThat(parse(body.append("]").toString()).events()).hasSize(EventBatch.MAX_EVENTS);
    }

    @Test
    void anEmptyArrayIsAnEmptyBatch() {
        EventBatch batch = parse("[]");
        assertThat(batch.events()).isEmpty();
        assertThat(batch.rejections()).isEmpty();
    }

    static String valid(String id) {
        return "{\"event_id\":\"" + id + "\",\"customer_id\":\"C1\",\"time\":\"2026-03-01T10:00:00Z\","
                + "\"type\":\"page_view\",\"product_id\":\"P2\"}";
    }

    private static EventBatch parse(String body) {
        return EventBatch.parse(body.getBytes(StandardCharsets.UTF_8), CATALOG, RECEIVED);
    }
}
