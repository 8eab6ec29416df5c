package dev.nbo.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatioBudgetTest {

    private static LoadGenerator.Result phase(double perSecond, double cpuMicros, double onnxMicros) {
        // the HTTP threads' CPU is a part of the process's: the budget must use the process's
        return new LoadGenerator.Result("phase", perSecond, 0, 1, 2, cpuMicros, cpuMicros * 0.8, onnxMicros, 58, 0);
    }

    @Test
    void aCeilingOf10000PerSecondOn2CoresLeaves200MicrosPerOffersRequest() {
        // 2 cores / 10,000 req/s = 200 us of machine CPU per /health request; half the rate allows twice that
        RatioBudget budget = RatioBudget.of(phase(10_000, 110, 0), phase(1_500, 600, 140), 2);

        assertThat(budget.allowedMicros()).isCloseTo(200, within(1e-9));
        assertThat(budget.onnxMicros()).isEqualTo(140);
        assertThat(budget.restMicros()).as("600 us of server CPU, less /health's 110, less ONNX Runtime's 140")
                .isCloseTo(350, within(1e-9));
        assertThat(budget.describe("wrk", "bench-wide")).isEqualTo("budget, wrk, bench-wide: a ratio of 0.5 allows"
                + " 200 us of CPU per request above /health; ONNX Runtime alone took 140 us (70% of it), everything"
                + " else the server did for it 350 us");
    }

    @Test
    void aFasterCeilingLeavesLess() {
        assertThat(RatioBudget.of(phase(16_000, 90, 0), phase(1_500, 600, 140), 2).allowedMicros())
                .isCloseTo(125, within(1e-9));
    }
}
