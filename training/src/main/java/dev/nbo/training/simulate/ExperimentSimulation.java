package dev.nbo.training.simulate;

import dev.nbo.features.generate.LatentCustomer;
import dev.nbo.features.generate.World;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A simulated e-mail service provider running a campaign on the synthetic world against a live NBO server: each send
 * round asks the server what to show every customer ({@code POST /v1/offers:batch}, at most 1,000 at a time), draws
 * from each customer's true behaviour ({@link OutcomeModel}) what they do with the e-mail, and posts what happened
 * ({@code POST /v1/events}) stamped at serving time, carrying the decision's request id.
 *
 * <p>Each customer's draws in a round come from a random stream of (seed, round, customer index), so the outcomes of
 * the same decisions do not depend on batching or order.
 */
public final class ExperimentSimulation {
    /**
     * How long after the send each kind of event happens, in serving time. Serving time runs at the wall clock's
     * pace and events may not be in the server's future, so realistic delays (hours) would mean waiting hours: the
     * delays only put the events in their natural order.
     */
    static final Duration OPEN_DELAY = Duration.ofMillis(250);
    static final Duration CLICK_DELAY = Duration.ofMillis(500);
    static final Duration PURCHASE_DELAY = Duration.ofMillis(750);

    private final World world;
    private final OutcomeModel model;
    private final ServingClient client;
    private final ServingClock clock;
    private final PrintStream out;

    public ExperimentSimulation(World world, ServingClient client, ServingClock clock, PrintStream out) {
        this.world = world;
        this.model = new OutcomeModel(world);
        this.client = client;
        this.clock = clock;
        this.out = out;
    }

    /**
     * What to simulate.
     *
     * @param sends     send rounds: every customer gets one e-mail per round
     * @param customers the first this many customers of the world; 0 for all
     */
    public record Settings(String block, int sends, long seed, int customers) {
        public Settings {
            if (block == null || block.isBlank()) {
                throw new IllegalArgumentException("--block must name a block of the server's blocks.yaml");
            }
            if (sends < 1) {
                throw new IllegalArgumentException("--sends must be 1 or more, got " + sends);
            }
            if (customers < 0) {
                throw new IllegalArgumentException("--customers must be 'all' or 1 or more, got " + customers);
            }
        }
    }

    /** Runs the send rounds against a server that is ready (see {@link ServingClient#checkReady()}). */
    public SimulationSummary run(Settings settings) {
        long started = System.nanoTime();
        int customers = settings.customers() == 0 ? world.customers() : settings.customers();
        if (customers > world.customers()) {
            throw new IllegalArgumentException("--customers " + customers + " is more than the world's "
                    + world.customers());
        }
        Tallies tallies = new Tallies();
        for (int round = 1; round <= settings.sends(); round++) {
            long roundStarted = System.nanoTime();
            long acceptedBefore = tallies.accepted;
            List<OutcomeEvent> pending = new ArrayList<>();
            int requests = 0;
            for (int from = 0; from < customers; from += ServingClient.MAX_CUSTOMERS) {
                List<String> ids = new ArrayList<>();
                for (int i = from; i < Math.min(customers, from + ServingClient.MAX_CUSTOMERS); i++) {
                    ids.add(world.customerId(i));
                }
                Instant sentAt = clock.now();
                List<ServedDecision> decisions = client.offers(settings.block(), ids);
                requests++;
                for (ServedDecision decision : decisions) {
                    pending.addAll(email(decision, sentAt, settings.seed(), round, tallies));
                }
                while (pending.size() >= ServingClient.MAX_EVENTS) {
                    post(new ArrayList<>(pending.subList(0, ServingClient.MAX_EVENTS)), tallies);
                    pending.subList(0, ServingClient.MAX_EVENTS).clear();
                }
            }
            if (!pending.isEmpty()) {
                post(pending, tallies);
            }
            out.printf("round %d/%d: %,d customers e-mailed (%d offers requests), %,d events posted, %.1f s%n", round,
                    settings.sends(), customers, requests, tallies.accepted - acceptedBefore,
                    (System.nanoTime() - roundStarted) / 1e9);
        }
        return new SimulationSummary(settings.block(), settings.sends(), customers, tallies.experiments, tallies.arms,
                tallies.fallbacks, tallies.accepted, tallies.duplicates, (System.nanoTime() - started) / 1e9);
    }

    /** Draws what the customer does with the e-mail of {@code decision}, counts it, and returns its events. */
    private List<OutcomeEvent> email(ServedDecision decision, Instant sentAt, long seed, int round, Tallies tallies) {
        int index = world.customerIndex(decision.customerId()).orElseThrow(() -> new IllegalStateException(
                "the server answered for customer " + decision.customerId() + ", who was not asked for"));
        LatentCustomer customer = world.customer(index);
        LocalDate day = LocalDate.ofInstant(sentAt, ZoneOffset.UTC);
        EmailOutcome outcome = model.draw(customer, decision.offers(), day, stream(seed, round, index));
        tallies.count(decision, outcome);
        return events(decision, outcome, sentAt);
    }

    /** The events of one e-mail: sent, then (if opened) open, clicks and purchases, each shortly after the last. */
    static List<OutcomeEvent> events(ServedDecision decision, EmailOutcome outcome, Instant sentAt) {
        String id = "sim-" + decision.requestId();
        String customer = decision.customerId();
        String request = decision.requestId();
        String lead = decision.offers().isEmpty() ? null : decision.offers().get(0).offerId().value();
        List<OutcomeEvent> events = new ArrayList<>();
        events.add(new OutcomeEvent(id + "-sent", customer, sentAt, OutcomeEvent.SENT, request, lead, null, null));
        if (!outcome.opened()) {
            return events;
        }
        events.add(new OutcomeEvent(id + "-open", customer, sentAt.plus(OPEN_DELAY), OutcomeEvent.OPEN, request,
                lead, null, null));
        for (EmailOutcome.Click click : outcome.clicks()) {
            int rank = click.offer().rank();
            String offer = click.offer().offerId().value();
            // one millisecond per rank keeps several clicks of one e-mail apart and in reading order
            Instant clickedAt = sentAt.plus(CLICK_DELAY).plusMillis(rank);
            events.add(new OutcomeEvent(id + "-click-" + rank, customer, clickedAt, OutcomeEvent.CLICK, request,
                    offer, null, null));
            if (click.purchase() != null) {
                events.add(new OutcomeEvent(id + "-purchase-" + rank, customer,
                        sentAt.plus(PURCHASE_DELAY).plusMillis(rank), OutcomeEvent.PURCHASE, request, offer,
                        click.purchase().productId(), click.purchase().revenue()));
            }
        }
        return events;
    }

    /** Posts a batch once serving time has reached its latest event: no event may lie in the server's future. */
    private void post(List<OutcomeEvent> events, Tallies tallies) {
        Instant latest = events.stream().map(OutcomeEvent::time).max(Instant::compareTo).orElseThrow();
        Duration ahead = Duration.between(clock.now(), latest);
        if (!ahead.isNegative()) {
            sleep(ahead.plusMillis(1));
        }
        ServingClient.PostedEvents posted = client.postEvents(events);
        if (!posted.rejections().isEmpty()) {
            throw new IllegalStateException("the server rejected " + posted.rejections().size() + " of "
                    + events.size() + " simulated events, e.g. " + posted.rejections().subList(0,
                    Math.min(3, posted.rejections().size())) + "; is it running on the world of --warehouse?");
        }
        tallies.accepted += posted.accepted();
        tallies.duplicates += posted.duplicates();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for serving time to pass", e);
        }
    }

    /** The random stream of one customer in one round: a hash of (seed, round, index), well spread. */
    static SplittableRandom stream(long seed, int round, int index) {
        long h = finalise(seed ^ 0x9E3779B97F4A7C15L);
        h = finalise(h ^ (round * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L));
        return new SplittableRandom(finalise(h ^ (index * 0xD6E8FEB86659FD93L)));
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** The running counts of a simulation. */
    private static final class Tallies {
        final TreeMap<String, ArmTally> arms = new TreeMap<>();
        final TreeMap<String, Long> fallbacks = new TreeMap<>();
        final TreeSet<String> experiments = new TreeSet<>();
        long accepted;
        long duplicates;

        void count(ServedDecision decision, EmailOutcome outcome) {
            arms.computeIfAbsent(decision.armOrNone(), a -> new ArmTally()).add(outcome);
            if (decision.fallback() != null) {
                fallbacks.merge(decision.fallback(), 1L, Long::sum);
            }
            if (decision.experiment() != null) {
                experiments.add(decision.experiment());
            }
        }
    }
}
