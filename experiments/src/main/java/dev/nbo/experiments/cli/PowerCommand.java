package dev.nbo.experiments.cli;

import dev.nbo.experiments.stats.Power;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code report power}: the minimum detectable effect for a number of units per arm, or the units per arm for an
 * effect, of a two-sided test. With more than two arms each treatment is compared with control, so alpha is split
 * over the {@code arms - 1} comparisons (Bonferroni, slightly stricter than the Holm correction the report applies).
 */
final class PowerCommand {
    static final Set<String> FLAGS = new LinkedHashSet<>(List.of("baseline", "sd", "units-per-arm", "mde", "alpha",
            "power", "arms"));
    static final String HELP = """
            Usage: report power --baseline B [--sd S] (--units-per-arm N | --mde D)
                                [--alpha 0.05] [--power 0.8] [--arms 2]

            Sample size and minimum detectable effect (MDE) of a two-sided A/B test.
              --baseline       control conversion rate (0 < B < 1); with --sd, the control mean
              --sd             standard deviation of a continuous metric (makes it a test of means)
              --units-per-arm  units in each arm: prints the MDE
              --mde            absolute effect to detect (0.01 = 1 point of rate): prints units per arm
              --alpha          significance level (default 0.05)
              --power          chance to detect an effect of the MDE (default 0.8)
              --arms           arms including control (default 2); alpha is split over the arms - 1 comparisons
            Exit status: 0 done, 2 bad input.
            """;

    private PowerCommand() {
    }

    static int run(String[] args, PrintStream out) {
        CliFlags flags = CliFlags.parse("report power", args, FLAGS);
        if (flags.help()) {
            out.print(HELP);
            return 0;
        }
        double baseline = flags.number("baseline", Double.NaN);
        if (!flags.has("baseline")) {
            flags.required("baseline");
        }
        boolean means = flags.has("sd");
        double sd = flags.number("sd", Double.NaN);
        if (means && !(sd > 0)) {
            throw new UsageException("report power: --sd must be positive, got " + sd);
        }
        if (!means && !(baseline > 0 && baseline < 1)) {
            throw new UsageException("report power: --baseline must be a rate between 0 and 1 (or give --sd for a "
                    + "mean), got " + baseline);
        }
        if (flags.has("units-per-arm") == flags.has("mde")) {
            throw new UsageException("report power: give exactly one of --units-per-arm and --mde");
        }
        double alpha = flags.number("alpha", 0.05);
        double power = flags.number("power", 0.8);
        long arms = flags.whole("arms", 2);
        if (!(alpha > 0 && alpha < 1)) {
            throw new UsageException("report power: --alpha must be between 0 and 1, got " + alpha);
        }
        if (!(power > 0 && power < 1)) {
            throw new UsageException("report power: --power must be between 0 and 1, got " + power);
        }
        if (arms < 2) {
            throw new UsageException("report power: --arms must be at least 2, got " + arms);
        }
        double comparisonAlpha = alpha / (arms - 1);
        String test = String.format(Locale.ROOT, "two-sided, alpha %s per comparison%s, power %s, %d arms",
                plain(comparisonAlpha), arms > 2 ? " (" + plain(alpha) + " over " + (arms - 1) + " comparisons)" : "",
                plain(power), arms);
        if (flags.has("units-per-arm")) {
            long n = flags.whole("units-per-arm", 0);
            if (n < 2) {
                throw new UsageException("report power: --units-per-arm must be at least 2, got " + n);
            }
            double mde = means ? Power.mdeForMeans(sd, n, comparisonAlpha, power)
                    : Power.mdeForProportions(baseline, n, comparisonAlpha, power);
            out.println("MDE: " + effect(mde, baseline, means) + " with " + n + " units per arm (" + n * arms
                    + " in all); " + test);
        } else {
            double mde = flags.number("mde", Double.NaN);
            if (!(mde > 0)) {
                throw new UsageException("report power: --mde must be positive, got " + mde);
            }
            long n = means ? Power.unitsPerArmForMeans(sd, mde, comparisonAlpha, power)
                    : Power.unitsPerArmForProportions(baseline, mde, comparisonAlpha, power);
            out.println("Units per arm: " + n + " (" + n * arms + " in all) to detect " + effect(mde, baseline, means)
                    + "; " + test);
        }
        return 0;
    }

    private static String effect(double mde, double baseline, boolean means) {
        String absolute = String.format(Locale.ROOT, "%.6g", mde);
        String detail = means ? "" : String.format(Locale.ROOT, " = %.3g pts", mde * 100);
        String relative = baseline == 0 || Double.isNaN(baseline) ? ""
                : String.format(Locale.ROOT, ", %.3g%% of the baseline %s", mde / Math.abs(baseline) * 100,
                        plain(baseline));
        return "±" + absolute + detail + relative;
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
