package dev.nbo.training.simulate;

import java.io.PrintStream;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The outcome of a simulation as the simulator counted it: per arm, and the fallbacks the server answered with.
 * A first glimpse only: the A/B report ({@code ./nbo report}) attributes the logged events to the logged decisions
 * and adds the statistics.
 *
 * @param arms           per arm (or {@code holdout}, or {@link ServedDecision#NO_EXPERIMENT}), sorted by name
 * @param fallbacks      decisions per fallback reason
 * @param experiments    the experiments the decisions belonged to
 * @param eventsAccepted events the server accepted
 */
public record SimulationSummary(String block, int rounds, int customers, SortedSet<String> experiments,
                                SortedMap<String, ArmTally> arms, SortedMap<String, Long> fallbacks,
                                long eventsAccepted, long eventsDuplicate, double seconds) {

    public ArmTally arm(String name) {
        ArmTally tally = arms.get(name);
        if (tally == null) {
            throw new IllegalArgumentException("no arm '" + name + "' in this simulation; arms: " + arms.keySet());
        }
        return tally;
    }

    public void print(PrintStream out) {
        out.printf("%nSimulated %d send%s to %,d customers on block %s (%s) in %.1f s. Per arm, as drawn:%n", rounds,
                rounds == 1 ? "" : "s", customers, block, experiments.isEmpty() ? "no experiment"
                        : "experiment " + String.join(", ", experiments), seconds);
        out.printf("  %-16s %9s %9s %7s %8s %7s %9s %7s %12s %9s%n", "arm", "sends", "opens", "open%", "clicks",
                "click%", "purchases", "buy%", "revenue", "rev/send");
        for (Map.Entry<String, ArmTally> entry : arms.entrySet()) {
            ArmTally arm = entry.getValue();
            double sends = Math.max(1, arm.sends());
            out.printf("  %-16s %,9d %,9d %6.1f%% %,8d %6.2f%% %,9d %6.2f%% %,12.2f %9.3f%n", entry.getKey(),
                    arm.sends(), arm.opens(), 100 * arm.opens() / sends, arm.clicks(), 100 * arm.clicks() / sends,
                    arm.purchases(), 100 * arm.purchases() / sends, arm.revenue(), arm.revenue() / sends);
        }
        if (!fallbacks.isEmpty()) {
            StringBuilder line = new StringBuilder("  fallbacks (e-mailed all the same):");
            fallbacks.forEach((reason, count) -> line.append(String.format(" %s %,d", reason, count)));
            out.println(line);
        }
        out.printf("  events accepted by the server: %,d (%,d duplicates)%n", eventsAccepted, eventsDuplicate);
    }
}
