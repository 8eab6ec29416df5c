package dev.nbo.features.generate;

import dev.nbo.models.warehouse.EventType;
import dev.nbo.models.warehouse.OrderType;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Puts realistic dirt into the clean rows of the simulation on their way to the files ({@link DirtKind} lists the
 * kinds and rates). Bad references are extra rows (with their own event id) rather than altered ones, so that the
 * rows the validator keeps still tell the true story of the world; only late arrival, clock skew, negative
 * quantities and impossible birth years change a row. Every value still fits the schema. The dirt of a customer is
 * drawn from their own stream, like everything else.
 */
final class Dirt implements WarehouseSink {
    static final int IMPOSSIBLE_BIRTH_YEAR = 1800;
    private static final String PAGE_VIEW = EventType.PAGE_VIEW.wireName();
    private static final String PURCHASE = OrderType.PURCHASE.wireName();
    private static final List<String> RETIRED_OFFERS = List.of("spring-sale-2024", "welcome-10", "vip-early-access");

    private final WarehouseSink files;
    private final World world;
    private final DirtCounts counts = new DirtCounts();
    private SplittableRandom random;
    private boolean inPurchase;

    Dirt(WarehouseSink files, World world) {
        this.files = files;
        this.world = world;
    }

    /** Switches to the next customer's dirt stream; call before the customer's first row. */
    void startCustomer(int index) {
        random = Seeds.stream(world.seed(), index, Seeds.Purpose.DIRT);
    }

    DirtCounts counts() {
        return counts;
    }

    @Override
    public void customer(CustomerRow row) {
        CustomerRow written = row;
        if (hit(DirtKind.IMPOSSIBLE_BIRTH_YEAR)) {
            written = new CustomerRow(row.customerId(), row.signupMicros(), IMPOSSIBLE_BIRTH_YEAR, row.city(),
                    row.region(), row.country(), row.interests(), row.marketingConsent());
        }
        files.customer(written);
        if (hit(DirtKind.DUPLICATE_CUSTOMER)) {
            long later = written.signupMicros() + Draws.between(random, PeriodCalendar.DAY_MICROS,
                    30 * PeriodCalendar.DAY_MICROS);
            files.customer(new CustomerRow(written.customerId(), later, written.birthYear(), written.city(),
                    written.region(), written.country(), written.interests(), written.marketingConsent()));
        }
    }

    @Override
    public void order(OrderRow row) {
        inPurchase = row.orderType().equals(PURCHASE);
        files.order(row);
    }

    @Override
    public void orderItem(OrderItemRow row) {
        if (inPurchase && hit(DirtKind.NEGATIVE_QUANTITY)) {
            files.orderItem(new OrderItemRow(row.orderId(), row.lineNo(), row.productId(), -row.quantity(),
                    row.unitPrice()));
            return;
        }
        files.orderItem(row);
    }

    @Override
    public void event(EventRow row) {
        EventRow written = row;
        if (hit(DirtKind.LATE_EVENT)) {
            written = ingestedAt(row, row.eventMicros() + Draws.between(random, PeriodCalendar.HOUR_MICROS,
                    5 * PeriodCalendar.DAY_MICROS));
        } else if (hit(DirtKind.INGESTED_BEFORE_EVENT)) {
            written = ingestedAt(row, row.eventMicros() - Draws.between(random, 10 * PeriodCalendar.MINUTE_MICROS,
                    3 * PeriodCalendar.HOUR_MICROS));
        }
        files.event(written);
        if (hit(DirtKind.DUPLICATE_EVENT)) {
            files.event(ingestedAt(written, written.ingestedMicros() + Draws.between(random,
                    PeriodCalendar.MINUTE_MICROS, 6 * PeriodCalendar.HOUR_MICROS)));
        }
        if (hit(DirtKind.UNKNOWN_CUSTOMER_EVENT)) {
            files.event(new EventRow(row.eventId() + ".u", world.unknownCustomerId(random.nextInt(1000)),
                    row.eventMicros(), row.eventType(), row.productId(), row.sessionId(), row.offerId(),
                    row.ingestedMicros()));
        }
        if (hit(DirtKind.UNKNOWN_EVENT_TYPE)) {
            files.event(new EventRow(row.eventId() + ".t", row.customerId(), row.eventMicros(),
                    misspelt(row.eventType()), row.productId(), row.sessionId(), row.offerId(), row.ingestedMicros()));
        }
        if (row.eventType().equals(PAGE_VIEW) && hit(DirtKind.PAGE_VIEW_WITHOUT_PRODUCT)) {
            files.event(new EventRow(row.eventId() + ".p", row.customerId(), row.eventMicros(), row.eventType(), null,
                    row.sessionId(), row.offerId(), row.ingestedMicros()));
        }
        if (row.productId() != null && hit(DirtKind.UNKNOWN_PRODUCT)) {
            String unknown = row.productId().substring(0, 4) + "0" + (900 + random.nextInt(100));
            files.event(new EventRow(row.eventId() + ".x", row.customerId(), row.eventMicros(), row.eventType(),
                    unknown, row.sessionId(), row.offerId(), row.ingestedMicros()));
        }
        if (row.offerId() != null && hit(DirtKind.UNKNOWN_OFFER)) {
            files.event(new EventRow(row.eventId() + ".o", row.customerId(), row.eventMicros(), row.eventType(),
                    row.productId(), row.sessionId(), RETIRED_OFFERS.get(random.nextInt(RETIRED_OFFERS.size())),
                    row.ingestedMicros()));
        }
    }

    private boolean hit(DirtKind kind) {
        if (random.nextDouble() < kind.rate()) {
            counts.add(kind);
            return true;
        }
        return false;
    }

    private static EventRow ingestedAt(EventRow row, long micros) {
        return new EventRow(row.eventId(), row.customerId(), row.eventMicros(), row.eventType(), row.productId(),
                row.sessionId(), row.offerId(), micros);
    }

    /** A type as a buggy client spells it. */
    private static String misspelt(String type) {
        return switch (EventType.fromWireName(type).orElseThrow()) {
            case PAGE_VIEW -> "pageview";
            case ADD_TO_CART -> "add-to-cart";
            case REMOVE_FROM_CART -> "cart_remove";
            case CHECKOUT_START -> "checkout";
            case EMAIL_SENT -> "email_send";
            case EMAIL_OPEN -> "email_opened";
            case EMAIL_CLICK -> "EMAIL_CLICK";
            case UNSUBSCRIBE -> "unsub";
            case PURCHASE -> "purchased";
        };
    }
}
