package dev.nbo.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PowerCommandTest {
    private static final double Z975 = 1.959963984540054;
    private static final double Z80 = 0.8416212335729143;

    private static String[] run(int expectedStatus, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] streams = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        assertThat(status).as(streams[1]).isEqualTo(expectedStatus);
        return streams;
    }

    @Test
    void mdeOfAConversionRateForUnitsPerArm() {
        double mde = (Z975 + Z80) * Math.sqrt(2 * 0.05 * 0.95 / 10_000);
        String out = run(0, "report", "power", "--baseline", "0.05", "--units-per-arm", "10000")[0];
        assertThat(out).startsWith("MDE: ±" + String.format(Locale.ROOT, "%.6g", mde) + " = 0.864 pts, 17.3% of "
                + "the baseline 0.05 with 10000 units per arm (20000 in all); two-sided, alpha 0.05 per comparison, "
                + "power 0.8, 2 arms");
    }

    @Test
    void unitsPerArmForAnEffect() {
        long n = (long) Math.ceil(2 * (Z975 + Z80) * (Z975 + Z80) * 0.05 * 0.95 / (0.01 * 0.01));
        String out = run(0, "report", "power", "--baseline", "0.05", "--mde", "0.01")[0];
        assertThat(out).startsWith("Units per arm: " + n + " (" + 2 * n + " in all) to detect ±0.0100000");
    }

    @Test
    void meansAndThreeArmsSplitAlpha() {
        double z = 2.2414027276049464; // Phi^-1(1 - 0.025 / 2): alpha 0.05 over two comparisons
        long n = (long) Math.ceil(2 * (z + Z80) * (z + Z80) * 12.5 * 12.5 / (2.0 * 2.0));
        String out = run(0, "report", "power", "--baseline", "20", "--sd", "12.5", "--mde", "2", "--arms", "3")[0];
        assertThat(out).startsWith("Units per arm: " + n + " (" + 3 * n + " in all)")
                .contains("alpha 0.025 per comparison (0.05 over 2 comparisons)");
    }

    @Test
    void badInputsNameTheFlag() {
        assertThat(run(2, "report", "power", "--baseline", "5", "--mde", "0.01")[1]).contains("--baseline");
        assertThat(run(2, "report", "power", "--baseline", "0.05")[1]).contains("exactly one of --units-per-arm");
        assertThat(run(2, "report", "power", "--baseline", "0.05", "--mde", "0.01", "--units-per-arm", "9")[1])
                .contains("exactly one of");
        assertThat(run(2, "report", "power", "--baseline", "0.05", "--mde", "x")[1]).contains("--mde must be a number");
        assertThat(run(2, "report", "power", "--baseline", "0.05", "--mde", "0.01", "--power", "1")[1])
                .contains("--power");
        assertThat(run(2, "report", "power", "--mde", "0.01")[1]).contains("missing required flag --baseline");
        assertThat(run(2, "report", "power", "--baseline", "0.1", "--mde", "0.01", "--arms", "1")[1])
                .contains("--arms must be at least 2");
    }
}
