package dev.nbo.features.generate;

import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferTarget;
import dev.nbo.models.warehouse.EventType;
import dev.nbo.models.warehouse.OrderType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One customer's life over the period, simulated day by day: marketing emails on campaign days, shopping missions
 * (a few sessions of page views in one category, cart changes, checkout, purchase), returns to an abandoned cart,
 * cancellations. Rows go to the sink as they happen. All randomness comes from the customer's own stream, so the
 * rows depend on (seed, customer index) alone.
 */
final class CustomerTimeline {
    /** Customers who sign up during the period usually shop right away. */
    private static final double WELCOME_MISSION = 0.6;
    /** Share of page views in the mission's category; the rest wander to other liked categories. */
    private static final double ON_MISSION_VIEW = 0.8;
    /** Share of on-mission page views that revisit the product in focus. */
    private static final double FOCUS_VIEW = 0.35;
    /** Chance that a session before the last already puts the focus product in the cart (buying missions). */
    private static final double EARLY_CART_ADD = 0.4;
    /** Chance that a browsing-only session puts something in the cart anyway (and abandons it). */
    private static final double IDLE_CART_ADD = 0.2;
    /** Buying missions that leave the cart at the end and come back 1 to 3 days later to buy. */
    private static final double ABANDON_AND_RETURN = 0.3;
    /** Of those, the share that leave at checkout rather than at the cart. */
    private static final double ABANDON_AT_CHECKOUT = 0.4;
    /** Buying sessions that add a second product, and that then take the last one out again. */
    private static final double SECOND_ITEM = 0.25;
    private static final double CHANGE_OF_MIND = 0.15;
    /** Browsing-only cart adds that are removed in the same session, or that get as far as checkout. */
    private static final double CHANGE_OF_MIND_IDLE = 0.35;
    private static final double ABANDON_AT_CHECKOUT_IDLE = 0.12;
    private static final double[] ORDER_LINES = {0.65, 0.25, 0.10};
    private static final double[] QUANTITY = {0.78, 0.18, 0.04};
    private static final double SALE_PRICE = 0.08;
    private static final double CANCELLED = 0.04;
    /** Share of an email campaign's audience a customer falls in (segments and frequency caps). */
    private static final double CAMPAIGN_REACH = 0.5;
    /** Share of email clicks that land in a browsing session. */
    private static final double CLICK_SESSION = 0.75;
    private static final long CAMPAIGN_SEND_UTC = 15 * PeriodCalendar.HOUR_MICROS;
    private static final double MEAN_OPEN_DELAY_HOURS = 4;
    /** Wire names looked up once: {@code EventType.wireName()} lower-cases on every call. */
    private static final String[] EVENT_TYPES = Arrays.stream(EventType.values()).map(EventType::wireName)
            .toArray(String[]::new);
    private static final String PURCHASE = OrderType.PURCHASE.wireName();
    private static final String CANCELLATION = OrderType.CANCELLATION.wireName();

    private final World world;
    private final PeriodCalendar calendar;
    private final ProductCatalog products;
    private final LatentCustomer customer;
    private final WarehouseSink sink;
    private final SplittableRandom random;
    private final double[] cumulativePreference;
    private final String digits;
    private final long endMicros;
    private int events;
    private int sessions;
    private int orders;
    private ShoppingMission mission;
    private List<Product> returningCart;
    private Offer returningOffer;
    private int returnDay = -1;
    private boolean unsubscribed;

    CustomerTimeline(World world, LatentCustomer customer, WarehouseSink sink, long seed) {
        this.world = world;
        this.calendar = world.calendar();
        this.products = world.products();
        this.customer = customer;
        this.sink = sink;
        this.random = Seeds.stream(seed, customer.index(), Seeds.Purpose.BEHAVIOUR);
        this.cumulativePreference = cumulative(customer.basePreferences());
        this.digits = customer.id().substring(1);
        this.endMicros = calendar.endMicros();
    }

    /** Simulates the whole period and writes the customer's row last, with the consent they ended with. */
    void run() {
        int firstDay = 0;
        if (customer.signupMicros() >= calendar.startMicros()) {
            int signupDay = calendar.dayOf(customer.signupMicros());
            firstDay = signupDay + 1;
            if (Draws.chance(random, WELCOME_MISSION)) {
                startMission(seasonalCategory(signupDay), null, signupDay);
                session(signupDay, customer.signupMicros() + Draws.between(random, PeriodCalendar.MINUTE_MICROS,
                        10 * PeriodCalendar.MINUTE_MICROS));
            }
        }
        for (int day = firstDay; day < calendar.days(); day++) {
            if (calendar.isCampaignDay(day)) {
                email(day);
            }
            if (day == returnDay) {
                returnToCart(day);
            }
            if (mission != null) {
                if (mission.isDue(day)) {
                    session(day, sessionStart(day));
                }
            } else {
                maybeStartMission(day);
            }
        }
        sink.customer(new CustomerRow(customer.id(), customer.signupMicros(), customer.birthYear(),
                customer.city().displayName(), customer.city().region(), City.COUNTRY, customer.interests(),
                customer.marketingConsent() && !unsubscribed));
    }

    // --- shopping ----------------------------------------------------------------------------------------------

    /** Draws a mission candidate at the day's highest seasonal rate and keeps it by its category's season. */
    private void maybeStartMission(int day) {
        double max = calendar.maxCategoryFactor(day);
        if (random.nextDouble() >= customer.candidateProbability(calendar.volume(day), max)) {
            return;
        }
        Category category = preferredCategory();
        if (random.nextDouble() * max < calendar.categoryFactor(day, category)) {
            startMission(category, null, day);
            session(day, sessionStart(day));
        }
    }

    private void startMission(Category category, Offer offer, int day) {
        Product focus = offer != null && offer.target().kind() == OfferTarget.Kind.PRODUCT
                ? products.product(offer.target().value()).orElseThrow() : affordable(category);
        boolean converts = Draws.chance(random, offer == null ? customer.conversion()
                : customer.emailMissionConversion(offer.discount()));
        int sessionCount = 1 + Draws.geometric(random, 0.5, 4);
        mission = new ShoppingMission(category, focus, converts, offer, sessionCount, day);
    }

    /** One browsing session of the current mission, starting at {@code startMicros}. */
    private void session(int day, long startMicros) {
        Session session = new Session("S" + digits + "-" + (++sessions), startMicros);
        Product lastOnMission = browse(session);
        if (mission.converts()) {
            buyingCart(session, day, lastOnMission);
        } else if (Draws.chance(random, IDLE_CART_ADD)) {
            idleCart(session, lastOnMission);
        }
        int gap = 1 + Draws.geometric(random, 0.5, 3);
        if (!mission.sessionDone(day + gap)) {
            mission = null;
        }
    }

    /**
     * Page views, mostly of the mission's category (the first always: it is why the session exists; from an email it
     * is the offer's landing product). Returns the last product viewed in the mission's category.
     */
    private Product browse(Session session) {
        Product lastOnMission = null;
        int views = 1 + Draws.geometric(random, 0.4, 9);
        for (int view = 0; view < views; view++) {
            boolean onMission = view == 0 || Draws.chance(random, ON_MISSION_VIEW);
            boolean focus = onMission && (view == 0 && mission.offer() != null || Draws.chance(random, FOCUS_VIEW));
            Product product = focus ? mission.focus()
                    : products.popular(onMission ? mission.category() : preferredCategory(), random);
            productEvent(session, EventType.PAGE_VIEW, product);
            if (onMission) {
                lastOnMission = product;
            }
        }
        return lastOnMission;
    }

    /** A buying mission: the focus product goes to the cart, and the last session checks out or leaves to return. */
    private void buyingCart(Session session, int day, Product lastOnMission) {
        List<Product> cart = mission.cart();
        if (mission.isLastSession() || Draws.chance(random, EARLY_CART_ADD)) {
            addToCart(session, cart, mission.focus());
        }
        if (!mission.isLastSession()) {
            return;
        }
        if (lastOnMission != mission.focus() && Draws.chance(random, SECOND_ITEM)) {
            addToCart(session, cart, lastOnMission);
        }
        if (cart.size() > 1 && Draws.chance(random, CHANGE_OF_MIND)) {
            productEvent(session, EventType.REMOVE_FROM_CART, cart.remove(cart.size() - 1));
        }
        if (Draws.chance(random, ABANDON_AND_RETURN)) {
            if (Draws.chance(random, ABANDON_AT_CHECKOUT)) {
                plainEvent(session, EventType.CHECKOUT_START);
            }
            returningCart = new ArrayList<>(cart);
            returningOffer = mission.offer();
            returnDay = day + 1 + random.nextInt(3);
        } else {
            plainEvent(session, EventType.CHECKOUT_START);
            purchase(cart, session.next(random), mission.offer(), mission.category());
        }
    }

    /** A browsing-only mission puts something in the cart now and then, and never buys it. */
    private void idleCart(Session session, Product lastOnMission) {
        List<Product> cart = mission.cart();
        addToCart(session, cart, lastOnMission);
        if (Draws.chance(random, CHANGE_OF_MIND_IDLE)) {
            productEvent(session, EventType.REMOVE_FROM_CART, cart.remove(cart.size() - 1));
        } else if (Draws.chance(random, ABANDON_AT_CHECKOUT_IDLE)) {
            plainEvent(session, EventType.CHECKOUT_START);
        }
    }

    /** Back to an abandoned cart: a look at the first item, checkout, purchase. */
    private void returnToCart(int day) {
        List<Product> cart = returningCart;
        Session session = new Session("S" + digits + "-" + (++sessions), sessionStart(day));
        if (Draws.chance(random, 0.7)) {
            productEvent(session, EventType.PAGE_VIEW, cart.get(0));
        }
        plainEvent(session, EventType.CHECKOUT_START);
        purchase(cart, session.next(random), returningOffer, cart.get(0).category());
        returningCart = null;
        returningOffer = null;
        returnDay = -1;
    }

    private void addToCart(Session session, List<Product> cart, Product product) {
        if (!cart.contains(product)) {
            cart.add(product);
            productEvent(session, EventType.ADD_TO_CART, product);
        }
    }

    private void purchase(List<Product> cart, long micros, Offer offer, Category category) {
        if (micros >= endMicros) {
            return;
        }
        List<Product> lines = new ArrayList<>(cart.subList(0, Math.min(3, cart.size())));
        int wanted = 1 + Draws.weighted(random, ORDER_LINES);
        for (int attempt = 0; lines.size() < wanted && attempt < 6; attempt++) {
            Product extra = products.popular(Draws.chance(random, 0.7) ? category : preferredCategory(), random);
            if (!lines.contains(extra)) {
                lines.add(extra);
            }
        }
        String orderId = "O" + digits + "-" + (++orders);
        sink.order(new OrderRow(orderId, customer.id(), micros, PURCHASE));
        List<OrderItemRow> items = new ArrayList<>(lines.size());
        for (int line = 0; line < lines.size(); line++) {
            Product product = lines.get(line);
            OrderItemRow item = new OrderItemRow(orderId, line + 1, product.id(), 1 + Draws.weighted(random, QUANTITY),
                    unitPrice(product, offer));
            items.add(item);
            sink.orderItem(item);
        }
        if (Draws.chance(random, CANCELLED)) {
            long cancelled = micros + Draws.between(random, PeriodCalendar.DAY_MICROS, 10 * PeriodCalendar.DAY_MICROS);
            if (cancelled < endMicros) {
                String cancellationId = "X-" + orderId;
                sink.order(new OrderRow(cancellationId, customer.id(), cancelled, CANCELLATION));
                for (OrderItemRow item : items) {
                    sink.orderItem(new OrderItemRow(cancellationId, item.lineNo(), item.productId(), item.quantity(),
                            item.unitPrice()));
                }
            }
        }
    }

    /** The list price, less the email offer's discount on what it targets, or now and then a sale price. */
    private double unitPrice(Product product, Offer offer) {
        if (offer != null && offer.target().matches(product.id(), product.category().wireName())) {
            return cents(product.price() * (1 - offer.discount()));
        }
        if (Draws.chance(random, SALE_PRICE)) {
            return cents(product.price() * (0.7 + 0.2 * random.nextDouble()));
        }
        return product.price();
    }

    /** A popular product of the category that the customer's price sensitivity does not rule out. */
    private Product affordable(Category category) {
        Product product = products.popular(category, random);
        for (int attempt = 0; attempt < 3; attempt++) {
            double acceptance = Math.min(1, Math.pow(category.priceLevel() / product.price(),
                    customer.priceSensitivity()));
            if (random.nextDouble() < acceptance) {
                break;
            }
            product = products.popular(category, random);
        }
        return product;
    }

    // --- email -------------------------------------------------------------------------------------------------

    /** A campaign day: maybe an email with an offer; maybe opened, clicked (starting a mission), or unsubscribed. */
    private void email(int day) {
        if (!customer.marketingConsent() || unsubscribed || !Draws.chance(random, CAMPAIGN_REACH)) {
            return;
        }
        Offer[] eligible = world.schedule().eligible(day, customer.city());
        if (eligible.length == 0) {
            return;
        }
        Offer offer = eligible[random.nextInt(eligible.length)];
        long sent = calendar.dayStartMicros(day) + CAMPAIGN_SEND_UTC
                + Draws.between(random, 0, 90 * PeriodCalendar.MINUTE_MICROS);
        if (sent <= customer.signupMicros() || sent >= endMicros) {
            return;
        }
        String offerId = offer.id().value();
        emailEvent(EventType.EMAIL_SENT, sent, offerId);
        long lastTouch = sent;
        if (Draws.chance(random, customer.openRate())) {
            double hours = Math.min(72, random.nextExponential() * MEAN_OPEN_DELAY_HOURS);
            long opened = sent + PeriodCalendar.MINUTE_MICROS + (long) (hours * PeriodCalendar.HOUR_MICROS);
            if (opened < endMicros) {
                emailEvent(EventType.EMAIL_OPEN, opened, offerId);
                lastTouch = opened;
                Category category = world.categoryOf(offer);
                int openDay = calendar.dayOf(opened);
                if (Draws.chance(random, customer.clickProbability(seasonalPreference(category, openDay),
                        offer.discount()))) {
                    long clicked = opened + Draws.between(random, 5 * PeriodCalendar.SECOND_MICROS,
                            3 * PeriodCalendar.MINUTE_MICROS);
                    if (clicked < endMicros) {
                        emailEvent(EventType.EMAIL_CLICK, clicked, offerId);
                        lastTouch = clicked;
                        if (Draws.chance(random, CLICK_SESSION)) {
                            startMission(category, offer, openDay);
                            session(openDay, clicked + Draws.between(random, 10 * PeriodCalendar.SECOND_MICROS,
                                    PeriodCalendar.MINUTE_MICROS));
                        }
                    }
                }
            }
        }
        if (Draws.chance(random, customer.unsubscribeRisk())) {
            long at = lastTouch + Draws.between(random, 30 * PeriodCalendar.SECOND_MICROS,
                    10 * PeriodCalendar.MINUTE_MICROS);
            if (at < endMicros) {
                emailEvent(EventType.UNSUBSCRIBE, at, offerId);
                unsubscribed = true;
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void productEvent(Session session, EventType type, Product product) {
        event(type, session.next(random), product.id(), session.id(), null);
    }

    private void plainEvent(Session session, EventType type) {
        event(type, session.next(random), null, session.id(), null);
    }

    private void emailEvent(EventType type, long micros, String offerId) {
        event(type, micros, null, null, offerId);
    }

    /** Emits an event received within a minute of happening; nothing at or after the end of the period. */
    private void event(EventType type, long micros, String productId, String sessionId, String offerId) {
        if (micros >= endMicros) {
            return;
        }
        long ingested = micros + Draws.between(random, 200_000, 60 * PeriodCalendar.SECOND_MICROS);
        sink.event(new EventRow("E" + digits + "-" + (++events), customer.id(), micros, EVENT_TYPES[type.ordinal()], productId,
                sessionId, offerId, ingested));
    }

    private long sessionStart(int day) {
        return calendar.dayStartMicros(day) + LocalTimes.localTimeOfDay(random, customer.city());
    }

    /** A category drawn from the everyday preference. */
    private Category preferredCategory() {
        double u = random.nextDouble();
        for (int i = 0; i < cumulativePreference.length; i++) {
            if (u < cumulativePreference[i]) {
                return Category.all().get(i);
            }
        }
        return Category.all().get(cumulativePreference.length - 1);
    }

    /** A category drawn from the preference of the day (everyday preference times season). */
    private Category seasonalCategory(int day) {
        double[] weights = new double[Category.count()];
        for (Category category : Category.all()) {
            weights[category.ordinal()] = customer.basePreference(category) * calendar.categoryFactor(day, category);
        }
        return Category.all().get(Draws.weighted(random, weights));
    }

    /** The share of the customer's interest going to {@code category} on {@code day} (clamped to the period). */
    private double seasonalPreference(Category category, int day) {
        int inPeriod = Math.max(0, Math.min(calendar.days() - 1, day));
        double total = 0;
        for (Category c : Category.all()) {
            total += customer.basePreference(c) * calendar.categoryFactor(inPeriod, c);
        }
        return customer.basePreference(category) * calendar.categoryFactor(inPeriod, category) / total;
    }

    private static double cents(double amount) {
        return Math.round(amount * 100) / 100.0;
    }

    private static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    /** A browsing session: its id and a clock that advances by a few seconds to a few minutes per event. */
    private static final class Session {
        private final String id;
        private long now;

        Session(String id, long startMicros) {
            this.id = id;
            this.now = startMicros;
        }

        String id() {
            return id;
        }

        long next(SplittableRandom random) {
            long at = now;
            now += Draws.between(random, 15 * PeriodCalendar.SECOND_MICROS, 150 * PeriodCalendar.SECOND_MICROS);
            return at;
        }
    }
}
