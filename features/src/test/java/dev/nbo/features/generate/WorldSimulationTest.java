package dev.nbo.features.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.offer.Offer;
import dev.nbo.models.warehouse.EventType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated timelines keep the world's rules; 2,000 customers over 120 days, without dirt. */
class WorldSimulationTest {
    private static final int CUSTOMERS = 2000;
    private static final int DAYS = 120;
    private static World world;
    private static RecordingSink rows;
    private static Map<String, LatentCustomer> customers;

    @BeforeAll
    static void simulate() {
        world = Worlds.of(42, CUSTOMERS, DAYS);
        rows = RecordingSink.simulate(world, 0, CUSTOMERS);
        customers = new HashMap<>();
        for (int index = 0; index < CUSTOMERS; index++) {
            customers.put(world.customerId(index), world.customer(index));
        }
    }

    @Test
    void everyEventHappensAfterSignupInsideThePeriodAndArrivesWithinAMinute() {
        long start = Worlds.START.toEpochDay() * PeriodCalendar.DAY_MICROS;
        long end = start + DAYS * PeriodCalendar.DAY_MICROS;
        assertThat(rows.events).hasSizeGreaterThan(CUSTOMERS * 10).allSatisfy(e -> {
            assertThat(e.eventMicros()).isGreaterThanOrEqualTo(start).isLessThan(end)
                    .isGreaterThan(customers.get(e.customerId()).signupMicros());
            assertThat(e.ingestedMicros() - e.eventMicros()).isBetween(0L, 60 * PeriodCalendar.SECOND_MICROS);
        });
        assertThat(rows.events).extracting(EventRow::eventId).doesNotHaveDuplicates();
    }

    @Test
    void productEventsNameAProductAndEmailEventsAnOffer() {
        Set<String> productEvents = Set.of("page_view", "add_to_cart", "remove_from_cart");
        Set<String> emailEvents = Set.of("email_sent", "email_open", "email_click", "unsubscribe");
        assertThat(rows.events).allSatisfy(e -> {
            assertThat(EventType.fromWireName(e.eventType())).isPresent();
            if (productEvents.contains(e.eventType())) {
                assertThat(world.products().product(e.productId())).isPresent();
                assertThat(e.sessionId()).isNotNull();
            }
            if (emailEvents.contains(e.eventType())) {
                assertThat(e.offerId()).isNotNull();
                assertThat(e.sessionId()).isNull();
            } else {
                assertThat(e.offerId()).isNull();
            }
        });
    }

    @Test
    void emailsCarryAnOfferValidThatDayInTheCustomersRegion() {
        Map<String, Offer> offers = world.offers().offers().stream()
                .collect(Collectors.toMap(o -> o.id().value(), o -> o));
        List<EventRow> sent = rows.events.stream().filter(e -> e.eventType().equals("email_sent")).toList();
        assertThat(sent).hasSizeGreaterThan(CUSTOMERS * 4);
        assertThat(sent).allSatisfy(e -> {
            Offer offer = offers.get(e.offerId());
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(e.eventMicros(), PeriodCalendar.DAY_MICROS));
            assertThat(offer.isValidOn(day)).isTrue();
            assertThat(offer.isAvailableIn(customers.get(e.customerId()).city().region())).isTrue();
            assertThat(customers.get(e.customerId()).marketingConsent()).isTrue();
        });
    }

    @Test
    void nobodyGetsEmailsAfterUnsubscribingAndTheirConsentEndsFalse() {
        Map<String, Long> unsubscribedAt = rows.events.stream().filter(e -> e.eventType().equals("unsubscribe"))
                .collect(Collectors.toMap(EventRow::customerId, EventRow::eventMicros));
        assertThat(unsubscribedAt).isNotEmpty();
        assertThat(rows.events).filteredOn(e -> e.eventType().equals("email_sent")
                        && unsubscribedAt.containsKey(e.customerId()))
                .allSatisfy(e -> assertThat(e.eventMicros()).isLessThan(unsubscribedAt.get(e.customerId())));
        assertThat(rows.customers).filteredOn(c -> unsubscribedAt.containsKey(c.customerId()))
                .allSatisfy(c -> assertThat(c.marketingConsent()).isFalse());
        assertThat(rows.customers).hasSize(CUSTOMERS);
    }

    @Test
    void ordersHaveOneToThreeLinesAndCancellationsFollowTheirPurchase() {
        Map<String, List<OrderItemRow>> lines = rows.items.stream().collect(Collectors.groupingBy(OrderItemRow::orderId));
        Map<String, OrderRow> orders = rows.orders.stream().collect(Collectors.toMap(OrderRow::orderId, o -> o));
        assertThat(rows.orders).hasSizeGreaterThan(CUSTOMERS / 4).allSatisfy(o -> {
            assertThat(lines.get(o.orderId())).hasSizeBetween(1, 3)
                    .allSatisfy(l -> assertThat(l.quantity()).isBetween(1, 3));
            if (o.orderType().equals("cancellation")) {
                OrderRow purchase = orders.get(o.orderId().substring(2));
                assertThat(o.orderId()).startsWith("X-");
                assertThat(purchase.orderType()).isEqualTo("purchase");
                assertThat(o.orderMicros() - purchase.orderMicros())
                        .isBetween(PeriodCalendar.DAY_MICROS, 10 * PeriodCalendar.DAY_MICROS);
                assertThat(lines.get(o.orderId())).extracting(OrderItemRow::productId)
                        .containsExactlyElementsOf(lines.get(purchase.orderId()).stream()
                                .map(OrderItemRow::productId).toList());
            }
        });
        long purchases = rows.orders.stream().filter(o -> o.orderType().equals("purchase")).count();
        long cancellations = rows.orders.size() - purchases;
        assertThat((double) cancellations / purchases).isBetween(0.02, 0.06);
    }

    @Test
    void purchasesFollowAddToCartInTheSameCategory() {
        Set<String> cartKeys = new HashSet<>();
        for (EventRow e : rows.events) {
            if (e.eventType().equals("add_to_cart")) {
                cartKeys.add(e.customerId() + "/" + world.products().product(e.productId()).orElseThrow().category());
            }
        }
        Map<String, String> orderCustomer = rows.orders.stream()
                .collect(Collectors.toMap(OrderRow::orderId, OrderRow::customerId));
        long firstLines = rows.items.stream().filter(i -> i.lineNo() == 1 && !i.orderId().startsWith("X-")).count();
        long firstLinesAfterCart = rows.items.stream().filter(i -> i.lineNo() == 1 && !i.orderId().startsWith("X-"))
                .filter(i -> cartKeys.contains(orderCustomer.get(i.orderId()) + "/"
                        + world.products().product(i.productId()).orElseThrow().category()))
                .count();
        assertThat((double) firstLinesAfterCart / firstLines).isGreaterThan(0.95);
    }

    @Test
    void volumeIsModerateAndHeavyTailed() {
        Map<String, Long> perCustomer = rows.events.stream()
                .collect(Collectors.groupingBy(EventRow::customerId, Collectors.counting()));
        double perCustomerYear = rows.events.size() * 365.0 / DAYS / CUSTOMERS;
        assertThat(perCustomerYear).isBetween(40.0, 80.0);
        long[] sorted = perCustomer.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long median = sorted[sorted.length / 2];
        long p99 = sorted[(int) (sorted.length * 0.99)];
        assertThat(p99).isGreaterThan(4 * median);
    }

    @Test
    void theDirtOfEveryKindIsInjectedAndCounted() {
        RecordingSink.Dirty dirty = RecordingSink.simulateWithDirt(world, 0, CUSTOMERS);
        for (DirtKind kind : DirtKind.values()) {
            assertThat(dirty.dirt().count(kind)).as(kind.wireName()).isPositive();
        }
        assertThat(dirty.rows().events.stream().filter(e -> EventType.fromWireName(e.eventType()).isEmpty()).count())
                .isEqualTo(dirty.dirt().count(DirtKind.UNKNOWN_EVENT_TYPE));
        assertThat(dirty.rows().events.stream().filter(e -> world.customerIndex(e.customerId()).isEmpty()).count())
                .isEqualTo(dirty.dirt().count(DirtKind.UNKNOWN_CUSTOMER_EVENT));
        assertThat(dirty.rows().items.stream().filter(i -> i.quantity() < 0).count())
                .isEqualTo(dirty.dirt().count(DirtKind.NEGATIVE_QUANTITY));
        assertThat(dirty.rows().customers.stream().filter(c -> c.birthYear() == Dirt.IMPOSSIBLE_BIRTH_YEAR).count())
                .isEqualTo(dirty.dirt().count(DirtKind.IMPOSSIBLE_BIRTH_YEAR));
        assertThat(dirty.rows().customers).hasSize(CUSTOMERS + (int) dirty.dirt().count(DirtKind.DUPLICATE_CUSTOMER));
        long duplicateIds = dirty.rows().events.size()
                - dirty.rows().events.stream().map(EventRow::eventId).distinct().count();
        assertThat(duplicateIds).isEqualTo(dirty.dirt().count(DirtKind.DUPLICATE_EVENT));
        double lateShare = (double) dirty.dirt().count(DirtKind.LATE_EVENT) / rows.events.size();
        assertThat(lateShare).isBetween(0.008, 0.012);
    }
}
