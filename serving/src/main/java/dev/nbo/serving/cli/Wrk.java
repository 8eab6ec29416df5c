package dev.nbo.serving.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Closed-loop load from {@code wrk} (a separate native process: its clients cost the server less CPU than the Java
 * generator's, which share the server's JVM), when it is installed. Requests pick a random path of a list (a Lua
 * script), so that each asks for a random customer.
 */
final class Wrk {
    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write"
            + " (\\d+), timeout (\\d+)");

    private final String executable;
    private final String base;
    private final String key;
    private final int threads;
    private final int connections;
    private final Path work;

    private Wrk(String executable, int port, String key, int threads, int connections, Path work) {
        this.executable = executable;
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
        this.threads = threads;
        this.connections = connections;
        this.work = work;
    }

    /** wrk when it is on the PATH, else empty. */
    static Optional<Wrk> find(int port, String key, int connections, Path work) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                int threads = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
                return Optional.of(new Wrk(candidate.toString(), port, key, threads, connections, work));
            }
        }
        return Optional.empty();
    }

    String describe() {
        return "wrk, " + threads + " threads, " + connections + " connections";
    }

    /** Drives the server for {@code seconds} with requests to paths drawn at random from {@code paths}. */
    LoadGenerator.Result run(String what, int seconds, List<String> paths) {
        Path script = work.resolve("wrk-" + Integer.toHexString(what.hashCode()) + ".lua");
        String table = paths.stream().map(p -> "\"" + p.replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",\n"));
        String lua = "local paths = {\n" + table + "\n}\n"
                + "wrk.headers[\"Authorization\"] = \"Bearer " + key + "\"\n"
                + "request = function()\n  return wrk.format(\"GET\", paths[math.random(#paths)])\nend\n";
        try {
            Files.writeString(script, lua);
            Process process = new ProcessBuilder(executable, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                    "--latency", "-s", script.toString(), base).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            return parse(what + " [wrk]", output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wrk ran", e);
        }
    }

    /** The figures of wrk's report; its latency percentiles stand in for the raw latencies. */
    static LoadGenerator.Result parse(String what, String output) {
        Matcher rate = REQUESTS.matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return LoadGenerator.Result.ofPercentiles(what, Double.parseDouble(rate.group(1)), errors,
                percentileMillis(output, "50%"), percentileMillis(output, "99%"));
    }

    private static double percentileMillis(String output, String percentile) {
        Matcher m = Pattern.compile("^\\s+" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\s*$",
                Pattern.MULTILINE).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output:\n" + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            default -> value * 1000;
        };
    }
}
