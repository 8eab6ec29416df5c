package dev.nbo.serving.cli;

/**
 * What the serving target (offers at {@link #TARGET} of the ceiling's requests/s) leaves an offers request, from one
 * run's measured figures, and what the request spent.
 *
 * <p>A closed loop with enough clients keeps the machine's cores busy, so a ceiling request costs the machine (server,
 * clients and kernel) {@code cores / ceiling rate} of CPU. Offers at {@code TARGET} of that rate may cost the machine
 * {@code 1 / TARGET} times as much: {@code (1 / TARGET - 1) x cores / ceiling rate} more than a ceiling request. The
 * offers request's own extra is the server's CPU per request above the ceiling's, split into ONNX Runtime and the
 * rest. Only wrk's phases give it: the Java generator's clients share the server's JVM, and their
 * CPU per request differs between a /health phase and an offers phase.
 *
 * @param allowedMicros the extra machine CPU per offers request that the target allows
 * @param onnxMicros    the CPU an offers request spent in ONNX Runtime
 * @param restMicros    the server CPU an offers request spent above a ceiling request, ONNX Runtime left out
 */
record RatioBudget(double allowedMicros, double onnxMicros, double restMicros) {
    static final double TARGET = 0.5;

    static RatioBudget of(LoadGenerator.Result ceiling, LoadGenerator.Result offers, int cores) {
        double ceilingMachineMicros = cores * 1e6 / ceiling.perSecond();
        return new RatioBudget((1 / TARGET - 1) * ceilingMachineMicros, offers.onnxMicrosPerRequest(),
                offers.cpuMicrosPerRequest() - ceiling.cpuMicrosPerRequest() - offers.onnxMicrosPerRequest());
    }

    String describe(String generator, String block) {
        return String.format("budget, %s, %s: a ratio of %.1f allows %.0f us of CPU per request above /health; ONNX"
                + " Runtime alone took %.0f us (%.0f%% of it), everything else the server did for it %.0f us",
                generator, block, TARGET, allowedMicros, onnxMicros, 100 * onnxMicros / allowedMicros, restMicros);
    }
}
